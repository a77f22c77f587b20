using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Dashboard;
using CapacityHub.Gateway.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Google.Protobuf;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Every RPC of the three services and the dashboard as REST routes under /api/v1, in the AIP-127 style:
/// GET for Get/List, POST on the collection for Create, PATCH for Update, DELETE for Delete, and
/// POST "resource:verb" for custom methods.
/// </summary>
public static class RestRoutes
{
    private const string Api = "/api/v1";

    private static readonly Func<ServiceBackends, CallInvoker> Programmes = b => b.Programmes;
    private static readonly Func<ServiceBackends, CallInvoker> Partners = b => b.Partners;
    private static readonly Func<ServiceBackends, CallInvoker> Trainings = b => b.Trainings;

    public static IReadOnlyList<RestRoute> All { get; } = [.. ProgrammeRoutes(), .. PartnerRoutes(), .. TrainingRoutes(), .. NominationRoutes(), .. OutcomeReportRoutes(), .. ImpactRoutes()];

    private static IEnumerable<RestRoute> ProgrammeRoutes()
    {
        const string one = Api + "/programmes/{programme}";
        const string name = "programmes/{programme}";
        yield return RestRoute.Unary("GET", Api + "/programmes", RpcMethods.Unary(ProgrammeService.Descriptor, "ListProgrammes"), Programmes);
        yield return RestRoute.Unary("GET", one, RpcMethods.Unary(ProgrammeService.Descriptor, "GetProgramme"), Programmes, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/programmes", RpcMethods.Unary(ProgrammeService.Descriptor, "CreateProgramme"), Programmes, body: "*");
        yield return RestRoute.Unary("PATCH", one, RpcMethods.Unary(ProgrammeService.Descriptor, "UpdateProgramme"), Programmes, body: "*", nameField: "programme.name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one, RpcMethods.Unary(ProgrammeService.Descriptor, "DeleteProgramme"), Programmes, nameField: "name", namePattern: name);
        foreach (var (verb, method) in new[]
        {
            ("startImplementation", RpcMethods.Unary(ProgrammeService.Descriptor, "StartImplementation")),
            ("suspend", RpcMethods.Unary(ProgrammeService.Descriptor, "SuspendProgramme")),
            ("resume", RpcMethods.Unary(ProgrammeService.Descriptor, "ResumeProgramme")),
            ("beginFinalisation", RpcMethods.Unary(ProgrammeService.Descriptor, "BeginFinalisation")),
            ("close", RpcMethods.Unary(ProgrammeService.Descriptor, "CloseProgramme")),
            ("cancel", RpcMethods.Unary(ProgrammeService.Descriptor, "CancelProgramme")),
        })
        {
            yield return RestRoute.Unary("POST", one + ":" + verb, method, Programmes, body: "*", nameField: "name", namePattern: name);
        }

        yield return RestRoute.Unary("POST", one + ":addParticipatingOrganisation", RpcMethods.Unary(ProgrammeService.Descriptor, "AddParticipatingOrganisation"), Programmes, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":removeParticipatingOrganisation", RpcMethods.Unary(ProgrammeService.Descriptor, "RemoveParticipatingOrganisation"), Programmes, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":checkTrainingWindow", RpcMethods.Unary(ProgrammeService.Descriptor, "CheckTrainingWindow"), Programmes, body: "*", nameField: "programme", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":updateIndicatorActuals", RpcMethods.Unary(ProgrammeService.Descriptor, "UpdateIndicatorActuals"), Programmes, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> PartnerRoutes()
    {
        const string organisation = Api + "/organisations/{organisation}";
        const string organisationName = "organisations/{organisation}";
        yield return RestRoute.Unary("GET", Api + "/organisations", RpcMethods.Unary(PartnerService.Descriptor, "ListOrganisations"), Partners);
        yield return RestRoute.Unary("GET", Api + "/organisations:batchGet", RpcMethods.Unary(PartnerService.Descriptor, "BatchGetOrganisations"), Partners);
        yield return RestRoute.Unary("GET", organisation, RpcMethods.Unary(PartnerService.Descriptor, "GetOrganisation"), Partners, nameField: "name", namePattern: organisationName);
        yield return RestRoute.Unary("POST", Api + "/organisations", RpcMethods.Unary(PartnerService.Descriptor, "CreateOrganisation"), Partners, body: "*");
        yield return RestRoute.Unary("PATCH", organisation, RpcMethods.Unary(PartnerService.Descriptor, "UpdateOrganisation"), Partners, body: "*", nameField: "organisation.name", namePattern: organisationName);
        yield return RestRoute.Unary("DELETE", organisation, RpcMethods.Unary(PartnerService.Descriptor, "DeleteOrganisation"), Partners, nameField: "name", namePattern: organisationName);

        const string agreement = Api + "/agreements/{agreement}";
        const string agreementName = "agreements/{agreement}";
        yield return RestRoute.Unary("GET", Api + "/agreements", RpcMethods.Unary(PartnerService.Descriptor, "ListAgreements"), Partners);
        yield return RestRoute.Unary("GET", agreement, RpcMethods.Unary(PartnerService.Descriptor, "GetAgreement"), Partners, nameField: "name", namePattern: agreementName);
        yield return RestRoute.Unary("POST", Api + "/agreements", RpcMethods.Unary(PartnerService.Descriptor, "CreateAgreement"), Partners, body: "*");
        yield return RestRoute.Unary("PATCH", agreement, RpcMethods.Unary(PartnerService.Descriptor, "UpdateAgreement"), Partners, body: "*", nameField: "agreement.name", namePattern: agreementName);
        yield return RestRoute.Unary("DELETE", agreement, RpcMethods.Unary(PartnerService.Descriptor, "DeleteAgreement"), Partners, nameField: "name", namePattern: agreementName);
    }

    private static IEnumerable<RestRoute> TrainingRoutes()
    {
        const string one = Api + "/trainings/{training}";
        const string name = "trainings/{training}";
        yield return RestRoute.Unary("GET", Api + "/trainings", RpcMethods.Unary(TrainingService.Descriptor, "ListTrainings"), Trainings);
        yield return RestRoute.Unary("GET", one, RpcMethods.Unary(TrainingService.Descriptor, "GetTraining"), Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/trainings", RpcMethods.Unary(TrainingService.Descriptor, "CreateTraining"), Trainings, body: "*");
        yield return RestRoute.Unary("PATCH", one, RpcMethods.Unary(TrainingService.Descriptor, "UpdateTraining"), Trainings, body: "*", nameField: "training.name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one, RpcMethods.Unary(TrainingService.Descriptor, "DeleteTraining"), Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":schedule", RpcMethods.Unary(TrainingService.Descriptor, "ScheduleTraining"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + "/sessionDays", RpcMethods.Unary(TrainingService.Descriptor, "AddSessionDay"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one + "/sessionDays/{sessionDay}", RpcMethods.Unary(TrainingService.Descriptor, "RemoveSessionDay"), Trainings, nameField: "name", namePattern: name + "/sessionDays/{sessionDay}");
        yield return RestRoute.Unary("POST", Api + "/trainings:checkConflicts", RpcMethods.Unary(TrainingService.Descriptor, "CheckConflicts"), Trainings, body: "*");
        foreach (var (verb, method) in new[]
        {
            ("openNominations", RpcMethods.Unary(TrainingService.Descriptor, "OpenNominations")),
            ("confirm", RpcMethods.Unary(TrainingService.Descriptor, "ConfirmTraining")),
            ("start", RpcMethods.Unary(TrainingService.Descriptor, "StartTraining")),
            ("complete", RpcMethods.Unary(TrainingService.Descriptor, "CompleteTraining")),
            ("cancel", RpcMethods.Unary(TrainingService.Descriptor, "CancelTraining")),
        })
        {
            yield return RestRoute.Unary("POST", one + ":" + verb, method, Trainings, body: "*", nameField: "name", namePattern: name);
        }
    }

    private static IEnumerable<RestRoute> NominationRoutes()
    {
        const string training = Api + "/trainings/{training}";
        const string parent = "trainings/{training}";
        const string one = training + "/nominations/{nomination}";
        const string name = parent + "/nominations/{nomination}";
        yield return RestRoute.Unary("GET", training + "/nominations", RpcMethods.Unary(NominationService.Descriptor, "ListNominations"), Trainings, nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", training + "/nominations", RpcMethods.Unary(NominationService.Descriptor, "Nominate"), Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("GET", one, RpcMethods.Unary(NominationService.Descriptor, "GetNomination"), Trainings, nameField: "name", namePattern: name);
        foreach (var (verb, method) in new[]
        {
            ("approve", RpcMethods.Unary(NominationService.Descriptor, "ApproveNomination")),
            ("decline", RpcMethods.Unary(NominationService.Descriptor, "DeclineNomination")),
            ("book", RpcMethods.Unary(NominationService.Descriptor, "BookNomination")),
        })
        {
            yield return RestRoute.Unary("POST", one + ":" + verb, method, Trainings, body: "*", nameField: "name", namePattern: name);
        }

        yield return RestRoute.Unary("POST", one + ":withdraw", RpcMethods.Unary(NominationService.Descriptor, "WithdrawNomination"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":cancel", RpcMethods.Unary(NominationService.Descriptor, "CancelNomination"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":recordAttendance", RpcMethods.Unary(NominationService.Descriptor, "RecordAttendance"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", training + "/nominations:batchRecordAttendance", RpcMethods.Unary(NominationService.Descriptor, "BatchRecordAttendance"), Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", one + ":recordAssessment", RpcMethods.Unary(NominationService.Descriptor, "RecordAssessment"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", training + "/nominations:batchRecordAssessments", RpcMethods.Unary(NominationService.Descriptor, "BatchRecordAssessments"), Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", one + ":recordReaction", RpcMethods.Unary(NominationService.Descriptor, "RecordReaction"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":recordFollowUp", RpcMethods.Unary(NominationService.Descriptor, "RecordFollowUp"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":issueCertificate", RpcMethods.Unary(NominationService.Descriptor, "IssueCertificate"), Trainings, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> OutcomeReportRoutes()
    {
        const string one = Api + "/outcomeReports/{report}";
        const string name = "outcomeReports/{report}";
        yield return RestRoute.Unary("GET", Api + "/outcomeReports", RpcMethods.Unary(OutcomeReportService.Descriptor, "ListOutcomeReports"), Trainings);
        yield return RestRoute.Unary("GET", one, RpcMethods.Unary(OutcomeReportService.Descriptor, "GetOutcomeReport"), Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/outcomeReports", RpcMethods.Unary(OutcomeReportService.Descriptor, "CreateOutcomeReport"), Trainings, body: "*");
        yield return RestRoute.Unary("PATCH", one, RpcMethods.Unary(OutcomeReportService.Descriptor, "UpdateOutcomeReport"), Trainings, body: "*", nameField: "outcome_report.name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":submit", RpcMethods.Unary(OutcomeReportService.Descriptor, "SubmitOutcomeReport"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":approve", RpcMethods.Unary(OutcomeReportService.Descriptor, "ApproveOutcomeReport"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":return", RpcMethods.Unary(OutcomeReportService.Descriptor, "ReturnOutcomeReport"), Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":reopen", RpcMethods.Unary(OutcomeReportService.Descriptor, "ReopenOutcomeReport"), Trainings, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> ImpactRoutes()
    {
        yield return RestRoute.Unary("GET", Api + "/impactMetrics", RpcMethods.Unary(ImpactService.Descriptor, "GetImpactMetrics"), Trainings);
        yield return new RestRoute("GET", Api + "/impactDashboard", RpcMethods.Path(DashboardService.Descriptor, "GetImpactDashboard").TrimStart('/'),
            GetImpactDashboardRequest.Descriptor, V1.ImpactDashboard.Descriptor, null, null, null,
            async (services, request, options) => await services.GetRequiredService<Dashboard.ImpactDashboard>()
                .GetAsync((GetImpactDashboardRequest)request, options.CancellationToken));
    }
}
