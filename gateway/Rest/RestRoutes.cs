using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Dashboard;
using CapacityHub.Gateway.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
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
        yield return RestRoute.Unary("GET", Api + "/programmes", ProgrammeService.ListProgrammesMethod, Programmes);
        yield return RestRoute.Unary("GET", one, ProgrammeService.GetProgrammeMethod, Programmes, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/programmes", ProgrammeService.CreateProgrammeMethod, Programmes, body: "*");
        yield return RestRoute.Unary("PATCH", one, ProgrammeService.UpdateProgrammeMethod, Programmes, body: "*", nameField: "programme.name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one, ProgrammeService.DeleteProgrammeMethod, Programmes, nameField: "name", namePattern: name);
        foreach (var (verb, method) in new[]
        {
            ("startImplementation", ProgrammeService.StartImplementationMethod),
            ("suspend", ProgrammeService.SuspendProgrammeMethod),
            ("resume", ProgrammeService.ResumeProgrammeMethod),
            ("beginFinalisation", ProgrammeService.BeginFinalisationMethod),
            ("close", ProgrammeService.CloseProgrammeMethod),
            ("cancel", ProgrammeService.CancelProgrammeMethod),
        })
        {
            yield return RestRoute.Unary("POST", one + ":" + verb, method, Programmes, body: "*", nameField: "name", namePattern: name);
        }

        yield return RestRoute.Unary("POST", one + ":addParticipatingOrganisation", ProgrammeService.AddParticipatingOrganisationMethod, Programmes, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":removeParticipatingOrganisation", ProgrammeService.RemoveParticipatingOrganisationMethod, Programmes, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":checkTrainingWindow", ProgrammeService.CheckTrainingWindowMethod, Programmes, body: "*", nameField: "programme", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":updateIndicatorActuals", ProgrammeService.UpdateIndicatorActualsMethod, Programmes, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> PartnerRoutes()
    {
        const string organisation = Api + "/organisations/{organisation}";
        const string organisationName = "organisations/{organisation}";
        yield return RestRoute.Unary("GET", Api + "/organisations", PartnerService.ListOrganisationsMethod, Partners);
        yield return RestRoute.Unary("GET", Api + "/organisations:batchGet", PartnerService.BatchGetOrganisationsMethod, Partners);
        yield return RestRoute.Unary("GET", organisation, PartnerService.GetOrganisationMethod, Partners, nameField: "name", namePattern: organisationName);
        yield return RestRoute.Unary("POST", Api + "/organisations", PartnerService.CreateOrganisationMethod, Partners, body: "*");
        yield return RestRoute.Unary("PATCH", organisation, PartnerService.UpdateOrganisationMethod, Partners, body: "*", nameField: "organisation.name", namePattern: organisationName);
        yield return RestRoute.Unary("DELETE", organisation, PartnerService.DeleteOrganisationMethod, Partners, nameField: "name", namePattern: organisationName);

        const string agreement = Api + "/agreements/{agreement}";
        const string agreementName = "agreements/{agreement}";
        yield return RestRoute.Unary("GET", Api + "/agreements", PartnerService.ListAgreementsMethod, Partners);
        yield return RestRoute.Unary("GET", agreement, PartnerService.GetAgreementMethod, Partners, nameField: "name", namePattern: agreementName);
        yield return RestRoute.Unary("POST", Api + "/agreements", PartnerService.CreateAgreementMethod, Partners, body: "*");
        yield return RestRoute.Unary("PATCH", agreement, PartnerService.UpdateAgreementMethod, Partners, body: "*", nameField: "agreement.name", namePattern: agreementName);
        yield return RestRoute.Unary("DELETE", agreement, PartnerService.DeleteAgreementMethod, Partners, nameField: "name", namePattern: agreementName);
    }

    private static IEnumerable<RestRoute> TrainingRoutes()
    {
        const string one = Api + "/trainings/{training}";
        const string name = "trainings/{training}";
        yield return RestRoute.Unary("GET", Api + "/trainings", TrainingService.ListTrainingsMethod, Trainings);
        yield return RestRoute.Unary("GET", one, TrainingService.GetTrainingMethod, Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/trainings", TrainingService.CreateTrainingMethod, Trainings, body: "*");
        yield return RestRoute.Unary("PATCH", one, TrainingService.UpdateTrainingMethod, Trainings, body: "*", nameField: "training.name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one, TrainingService.DeleteTrainingMethod, Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":schedule", TrainingService.ScheduleTrainingMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + "/sessionDays", TrainingService.AddSessionDayMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("DELETE", one + "/sessionDays/{sessionDay}", TrainingService.RemoveSessionDayMethod, Trainings, nameField: "name", namePattern: name + "/sessionDays/{sessionDay}");
        yield return RestRoute.Unary("POST", Api + "/trainings:checkConflicts", TrainingService.CheckConflictsMethod, Trainings, body: "*");
        foreach (var (verb, method) in new[]
        {
            ("openNominations", TrainingService.OpenNominationsMethod),
            ("confirm", TrainingService.ConfirmTrainingMethod),
            ("start", TrainingService.StartTrainingMethod),
            ("complete", TrainingService.CompleteTrainingMethod),
            ("cancel", TrainingService.CancelTrainingMethod),
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
        yield return RestRoute.Unary("GET", training + "/nominations", NominationService.ListNominationsMethod, Trainings, nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", training + "/nominations", NominationService.NominateMethod, Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("GET", one, NominationService.GetNominationMethod, Trainings, nameField: "name", namePattern: name);
        foreach (var (verb, method) in new[]
        {
            ("approve", NominationService.ApproveNominationMethod),
            ("decline", NominationService.DeclineNominationMethod),
            ("book", NominationService.BookNominationMethod),
        })
        {
            yield return RestRoute.Unary("POST", one + ":" + verb, method, Trainings, body: "*", nameField: "name", namePattern: name);
        }

        yield return RestRoute.Unary("POST", one + ":withdraw", NominationService.WithdrawNominationMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":cancel", NominationService.CancelNominationMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":recordAttendance", NominationService.RecordAttendanceMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", training + "/nominations:batchRecordAttendance", NominationService.BatchRecordAttendanceMethod, Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", one + ":recordAssessment", NominationService.RecordAssessmentMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", training + "/nominations:batchRecordAssessments", NominationService.BatchRecordAssessmentsMethod, Trainings, body: "*", nameField: "parent", namePattern: parent);
        yield return RestRoute.Unary("POST", one + ":recordReaction", NominationService.RecordReactionMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":recordFollowUp", NominationService.RecordFollowUpMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":issueCertificate", NominationService.IssueCertificateMethod, Trainings, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> OutcomeReportRoutes()
    {
        const string one = Api + "/outcomeReports/{report}";
        const string name = "outcomeReports/{report}";
        yield return RestRoute.Unary("GET", Api + "/outcomeReports", OutcomeReportService.ListOutcomeReportsMethod, Trainings);
        yield return RestRoute.Unary("GET", one, OutcomeReportService.GetOutcomeReportMethod, Trainings, nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", Api + "/outcomeReports", OutcomeReportService.CreateOutcomeReportMethod, Trainings, body: "*");
        yield return RestRoute.Unary("PATCH", one, OutcomeReportService.UpdateOutcomeReportMethod, Trainings, body: "*", nameField: "outcome_report.name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":submit", OutcomeReportService.SubmitOutcomeReportMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":approve", OutcomeReportService.ApproveOutcomeReportMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":return", OutcomeReportService.ReturnOutcomeReportMethod, Trainings, body: "*", nameField: "name", namePattern: name);
        yield return RestRoute.Unary("POST", one + ":reopen", OutcomeReportService.ReopenOutcomeReportMethod, Trainings, body: "*", nameField: "name", namePattern: name);
    }

    private static IEnumerable<RestRoute> ImpactRoutes()
    {
        yield return RestRoute.Unary("GET", Api + "/impactMetrics", ImpactService.GetImpactMetricsMethod, Trainings);
        yield return new RestRoute("GET", Api + "/impactDashboard", DashboardService.GetImpactDashboardMethod.FullName.TrimStart('/'),
            GetImpactDashboardRequest.Descriptor, V1.ImpactDashboard.Descriptor, null, null, null,
            async (services, request, options) => await services.GetRequiredService<Dashboard.ImpactDashboard>()
                .GetAsync((GetImpactDashboardRequest)request, options.CancellationToken));
    }
}
