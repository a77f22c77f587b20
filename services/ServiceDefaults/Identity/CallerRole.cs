namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>The kinds of caller CapacityHub authorises (ARCHITECTURE.md, "Security model").</summary>
public enum CallerRole
{
    /// <summary>Plans programmes and schedules trainings for the programmes it manages.</summary>
    ProgrammeManager,

    /// <summary>A CERT, ministry, police or training institute: sees and changes only its own people.</summary>
    PartnerAgency,

    /// <summary>Reviews impact of the programmes it funds: aggregates only, never personal data.</summary>
    Funder,

    /// <summary>Manages organisations, users and roles.</summary>
    Administrator,

    /// <summary>Another CapacityHub service calling on its own behalf (e.g. Trainings checking a programme).</summary>
    Service,
}
