namespace CapacityHub.Trainings.Domain.Scheduling;

public enum QuotaScope
{
    Country = 1,
    Organisation = 2,
}

/// <summary>At most <see cref="Seats"/> live nominations from one country (ISO 3166-1 alpha-2) or one organisation.</summary>
public sealed record Quota(QuotaScope Scope, string Key, int Seats);
