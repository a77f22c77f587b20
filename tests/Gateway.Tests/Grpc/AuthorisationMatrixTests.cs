using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Gateway.Authorization;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Every RPC of the three services × every kind of user, called through the gateway's public gRPC port
/// of the running system, against the table below (written here, independently of the gateway's own).
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class AuthorisationMatrixTests(RunningSystem system)
{
    // M programme manager, P partner agency, F funder, A administrator.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["capacityhub.programmes.v1.ProgrammeService/GetProgramme"] = "MPFA",
        ["capacityhub.programmes.v1.ProgrammeService/ListProgrammes"] = "MPFA",
        ["capacityhub.programmes.v1.ProgrammeService/CreateProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/UpdateProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/DeleteProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/StartImplementation"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/SuspendProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/ResumeProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/BeginFinalisation"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/CloseProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/CancelProgramme"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/AddParticipatingOrganisation"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/RemoveParticipatingOrganisation"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/CheckTrainingWindow"] = "M  A",
        ["capacityhub.programmes.v1.ProgrammeService/UpdateIndicatorActuals"] = "M  A",

        ["capacityhub.partners.v1.PartnerService/GetOrganisation"] = "MPFA",
        ["capacityhub.partners.v1.PartnerService/ListOrganisations"] = "MPFA",
        ["capacityhub.partners.v1.PartnerService/BatchGetOrganisations"] = "MPFA",
        ["capacityhub.partners.v1.PartnerService/CreateOrganisation"] = "   A",
        ["capacityhub.partners.v1.PartnerService/UpdateOrganisation"] = "   A",
        ["capacityhub.partners.v1.PartnerService/DeleteOrganisation"] = "   A",
        ["capacityhub.partners.v1.PartnerService/GetAgreement"] = "M FA",
        ["capacityhub.partners.v1.PartnerService/ListAgreements"] = "M FA",
        ["capacityhub.partners.v1.PartnerService/CreateAgreement"] = "M  A",
        ["capacityhub.partners.v1.PartnerService/UpdateAgreement"] = "M  A",
        ["capacityhub.partners.v1.PartnerService/DeleteAgreement"] = "M  A",

        ["capacityhub.trainings.v1.TrainingService/GetTraining"] = "MPFA",
        ["capacityhub.trainings.v1.TrainingService/ListTrainings"] = "MPFA",
        ["capacityhub.trainings.v1.TrainingService/CreateTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/UpdateTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/DeleteTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/ScheduleTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/AddSessionDay"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/RemoveSessionDay"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/CheckConflicts"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/OpenNominations"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/ConfirmTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/StartTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/CompleteTraining"] = "M  A",
        ["capacityhub.trainings.v1.TrainingService/CancelTraining"] = "M  A",

        ["capacityhub.trainings.v1.NominationService/Nominate"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/GetNomination"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/ListNominations"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/ApproveNomination"] = "M  A",
        ["capacityhub.trainings.v1.NominationService/DeclineNomination"] = "M  A",
        ["capacityhub.trainings.v1.NominationService/BookNomination"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/BatchDecideNominations"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/WithdrawNomination"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/CancelNomination"] = "M  A",
        ["capacityhub.trainings.v1.NominationService/RecordAttendance"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/BatchRecordAttendance"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/RecordAssessment"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/BatchRecordAssessments"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/RecordReaction"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/RecordFollowUp"] = "MP A",
        ["capacityhub.trainings.v1.NominationService/IssueCertificate"] = "M  A",

        ["capacityhub.trainings.v1.NotificationService/ListNotifications"] = "MP A",
        ["capacityhub.trainings.v1.NotificationService/MarkNotificationsRead"] = "MP A",
        ["capacityhub.trainings.v1.OutcomeReportService/CreateOutcomeReport"] = " P A",
        ["capacityhub.trainings.v1.OutcomeReportService/GetOutcomeReport"] = "MP A",
        ["capacityhub.trainings.v1.OutcomeReportService/ListOutcomeReports"] = "MP A",
        ["capacityhub.trainings.v1.OutcomeReportService/UpdateOutcomeReport"] = " P A",
        ["capacityhub.trainings.v1.OutcomeReportService/SubmitOutcomeReport"] = " P A",
        ["capacityhub.trainings.v1.OutcomeReportService/ApproveOutcomeReport"] = "M  A",
        ["capacityhub.trainings.v1.OutcomeReportService/ReturnOutcomeReport"] = "M  A",
        ["capacityhub.trainings.v1.OutcomeReportService/ReopenOutcomeReport"] = "M  A",

        ["capacityhub.trainings.v1.ImpactService/GetImpactMetrics"] = "MPFA",
        ["capacityhub.trainings.v1.ImpactService/WatchImpactMetrics"] = "MPFA",
    };

    private static readonly (string Account, CallerRole Role, char Letter)[] Users =
    [
        ("manager", CallerRole.ProgrammeManager, 'M'),
        ("partner-th", CallerRole.PartnerAgency, 'P'),
        ("funder", CallerRole.Funder, 'F'),
        ("admin", CallerRole.Administrator, 'A'),
    ];

    /// <summary>Statuses that would mean the call never reached a service that accepted the caller.</summary>
    private static readonly StatusCode[] NotThrough =
        [StatusCode.Unauthenticated, StatusCode.Unimplemented, StatusCode.Unavailable, StatusCode.Unknown, StatusCode.Internal, StatusCode.ResourceExhausted];

    [Fact]
    public void EveryRpcOfTheThreeServicesHasAnExpectedRow()
    {
        var methods = ForwardedApi.Methods.Select(ForwardedApi.PathOf).ToList();

        Assert.True(methods.Count >= 60, $"only {methods.Count} methods found in the descriptors");
        Assert.Empty(methods.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(methods));
    }

    [Fact]
    public async Task EveryRoleIsAllowedOrDeniedAsTheTableSaysOnEveryRpc()
    {
        var failures = new List<string>();
        var calls = 0;
        foreach (var (account, role, letter) in Users)
        {
            var token = await system.TokenAsync(account);
            foreach (var method in ForwardedApi.Methods)
            {
                var path = ForwardedApi.PathOf(method);
                var allowed = Expected.TryGetValue(path, out var roles) && roles.Contains(letter);
                var status = await RawCall.StatusOfAsync(system.Channel, method, token);
                calls++;
                var deniedAtGateway = status.StatusCode == StatusCode.PermissionDenied
                    && status.Detail.Contains("at the gateway", StringComparison.Ordinal);
                if (allowed && (deniedAtGateway || NotThrough.Contains(status.StatusCode)))
                {
                    failures.Add($"{account} → {path}: expected to get through, got {status.StatusCode} \"{status.Detail}\"");
                }
                else if (!allowed && !(deniedAtGateway && status.Detail.Contains(role.ToString(), StringComparison.Ordinal) && status.Detail.Contains(path, StringComparison.Ordinal)))
                {
                    failures.Add($"{account} → {path}: expected PERMISSION_DENIED naming {role} and the method, got {status.StatusCode} \"{status.Detail}\"");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls off the table:\n" + string.Join('\n', failures));
        Assert.Equal(ForwardedApi.Methods.Count * Users.Length, calls);
    }

    [Fact]
    public void TheGatewaysOwnTableAgreesWithThisOne()
    {
        foreach (var (path, roles) in Expected)
        {
            foreach (var (_, role, letter) in Users)
            {
                Assert.True(roles.Contains(letter) == GatewayPolicy.Allows(role, path), $"{role} on {path}");
            }
        }
    }
}
