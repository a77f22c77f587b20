using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authorization;

/// <summary>
/// Who may call what (ARCHITECTURE.md "Security model", DOMAIN.md roles). Reads everyone may do are
/// narrowed by the services (a partner sees trainings open to it, a funder the programmes it funds);
/// personal data (nominations, outcome reports) never reaches funders; only administrators manage
/// organisations; programmes and trainings are planned by their managers.
/// </summary>
internal static class PolicyTable
{
    private const CallerRole Manager = CallerRole.ProgrammeManager;
    private const CallerRole Partner = CallerRole.PartnerAgency;
    private const CallerRole Funder = CallerRole.Funder;
    private const CallerRole Admin = CallerRole.Administrator;

    private static readonly RoleSet Everyone = new([Manager, Partner, Funder, Admin]);
    private static readonly RoleSet Planners = new([Manager, Admin]);
    private static readonly RoleSet AdminsOnly = new([Admin]);
    private static readonly RoleSet PersonalData = new([Manager, Partner, Admin]);
    private static readonly RoleSet Reporters = new([Partner, Admin]);
    private static readonly RoleSet Agreements = new([Manager, Funder, Admin]);

    public static IEnumerable<KeyValuePair<string, RoleSet>> Entries =>
        Programmes().Concat(Partners()).Concat(Trainings()).Concat(Nominations()).Concat(OutcomeReports()).Concat(Impact()).Concat(Notifications());

    private static IEnumerable<KeyValuePair<string, RoleSet>> Programmes() => Service("capacityhub.programmes.v1.ProgrammeService",
        ("GetProgramme", Everyone),
        ("ListProgrammes", Everyone),
        ("CreateProgramme", Planners),
        ("UpdateProgramme", Planners),
        ("DeleteProgramme", Planners),
        ("StartImplementation", Planners),
        ("SuspendProgramme", Planners),
        ("ResumeProgramme", Planners),
        ("BeginFinalisation", Planners),
        ("CloseProgramme", Planners),
        ("CancelProgramme", Planners),
        ("AddParticipatingOrganisation", Planners),
        ("RemoveParticipatingOrganisation", Planners),
        ("CheckTrainingWindow", Planners),
        ("UpdateIndicatorActuals", Planners));

    private static IEnumerable<KeyValuePair<string, RoleSet>> Partners() => Service("capacityhub.partners.v1.PartnerService",
        ("GetOrganisation", Everyone),
        ("ListOrganisations", Everyone),
        ("BatchGetOrganisations", Everyone),
        ("CreateOrganisation", AdminsOnly),
        ("UpdateOrganisation", AdminsOnly),
        ("DeleteOrganisation", AdminsOnly),
        ("GetAgreement", Agreements),
        ("ListAgreements", Agreements),
        ("CreateAgreement", Planners),
        ("UpdateAgreement", Planners),
        ("DeleteAgreement", Planners));

    private static IEnumerable<KeyValuePair<string, RoleSet>> Trainings() => Service("capacityhub.trainings.v1.TrainingService",
        ("GetTraining", Everyone),
        ("ListTrainings", Everyone),
        ("CreateTraining", Planners),
        ("UpdateTraining", Planners),
        ("DeleteTraining", Planners),
        ("ScheduleTraining", Planners),
        ("AddSessionDay", Planners),
        ("RemoveSessionDay", Planners),
        ("CheckConflicts", Planners),
        ("OpenNominations", Planners),
        ("ConfirmTraining", Planners),
        ("StartTraining", Planners),
        ("CompleteTraining", Planners),
        ("CancelTraining", Planners));

    private static IEnumerable<KeyValuePair<string, RoleSet>> Nominations() => Service("capacityhub.trainings.v1.NominationService",
        ("Nominate", PersonalData),
        ("GetNomination", PersonalData),
        ("ListNominations", PersonalData),
        ("ApproveNomination", Planners),
        ("DeclineNomination", Planners),
        ("BookNomination", PersonalData),
        ("BatchDecideNominations", PersonalData),
        ("WithdrawNomination", PersonalData),
        ("CancelNomination", Planners),
        ("RecordAttendance", PersonalData),
        ("BatchRecordAttendance", PersonalData),
        ("RecordAssessment", PersonalData),
        ("BatchRecordAssessments", PersonalData),
        ("RecordReaction", PersonalData),
        ("RecordFollowUp", PersonalData),
        ("IssueCertificate", Planners));

    private static IEnumerable<KeyValuePair<string, RoleSet>> OutcomeReports() => Service("capacityhub.trainings.v1.OutcomeReportService",
        ("CreateOutcomeReport", Reporters),
        ("GetOutcomeReport", PersonalData),
        ("ListOutcomeReports", PersonalData),
        ("UpdateOutcomeReport", Reporters),
        ("SubmitOutcomeReport", Reporters),
        ("ApproveOutcomeReport", Planners),
        ("ReturnOutcomeReport", Planners),
        ("ReopenOutcomeReport", Planners));

    private static IEnumerable<KeyValuePair<string, RoleSet>> Impact() => Service("capacityhub.trainings.v1.ImpactService",
        ("GetImpactMetrics", Everyone),
        ("WatchImpactMetrics", Everyone));

    // Inboxes: funders have none (they are told nothing personal); the service scopes each inbox.
    private static IEnumerable<KeyValuePair<string, RoleSet>> Notifications() => Service("capacityhub.trainings.v1.NotificationService",
        ("ListNotifications", PersonalData),
        ("MarkNotificationsRead", PersonalData));

    private static IEnumerable<KeyValuePair<string, RoleSet>> Service(string service, params (string Method, RoleSet Roles)[] methods) =>
        methods.Select(m => new KeyValuePair<string, RoleSet>($"{service}/{m.Method}", m.Roles));
}
