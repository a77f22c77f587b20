using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Forwarding;

// The generated bases describe each forwarded service (its methods and descriptor, for routing and
// reflection). No method is ever implemented here: every route's handler is replaced by the forwarder.
internal sealed class ForwardedProgrammeService : ProgrammeService.ProgrammeServiceBase;

internal sealed class ForwardedPartnerService : PartnerService.PartnerServiceBase;

internal sealed class ForwardedTrainingService : TrainingService.TrainingServiceBase;

internal sealed class ForwardedNominationService : NominationService.NominationServiceBase;

internal sealed class ForwardedOutcomeReportService : OutcomeReportService.OutcomeReportServiceBase;

internal sealed class ForwardedImpactService : ImpactService.ImpactServiceBase;

internal sealed class ForwardedNotificationService : NotificationService.NotificationServiceBase;
