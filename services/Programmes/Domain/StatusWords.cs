using CapacityHub.Programmes.V1;

namespace CapacityHub.Programmes.Domain;

/// <summary>Activity statuses as people say them in messages.</summary>
public static class StatusWords
{
    public static string Of(ActivityStatus status) => status switch
    {
        ActivityStatus.Pipeline => "pipeline",
        ActivityStatus.Implementation => "implementation",
        ActivityStatus.Finalisation => "finalisation",
        ActivityStatus.Closed => "closed",
        ActivityStatus.Cancelled => "cancelled",
        ActivityStatus.Suspended => "suspended",
        _ => "without a status",
    };
}
