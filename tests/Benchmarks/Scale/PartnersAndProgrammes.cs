using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Registers the funder and the nominating partners with the Partners service, and creates the funder's
/// programmes (plus one probe programme of another funder, for the throughput measurement) in
/// implementation with the Programmes service, all through their public gRPC APIs.
/// </summary>
public sealed class PartnersAndProgrammes(ServiceChannel partners, ServiceChannel programmes, Callers callers)
{
    private static readonly (string Code, string Country, OrganisationType Type)[] Agencies =
    [
        ("VNCERT", "VN", OrganisationType.Government), ("THAICERT", "TH", OrganisationType.Government),
        ("MYCERT", "MY", OrganisationType.OtherPublicSector), ("IDSIRTII", "ID", OrganisationType.Government),
        ("PHCERT", "PH", OrganisationType.Government), ("KHCERT", "KH", OrganisationType.Government),
        ("LAOCERT", "LA", OrganisationType.Government), ("MMCERT", "MM", OrganisationType.OtherPublicSector),
        ("BRUCERT", "BN", OrganisationType.PrivateSector), ("SGCERT", "SG", OrganisationType.Government),
    ];

    public async Task<(string Funder, IReadOnlyList<Nominator> Nominators, IReadOnlyList<string> Programmes, string Probe)> CreateAsync(int programmeCount)
    {
        var partnerClient = new PartnerService.PartnerServiceClient(partners);
        var funder = await RegisterAsync(partnerClient, "SCALE-FUNDER", "JP", OrganisationType.Government);
        var probeFunder = await RegisterAsync(partnerClient, "SCALE-PROBE-FUNDER", "AU", OrganisationType.Government);
        var nominators = new List<Nominator>();
        foreach (var (code, country, type) in Agencies)
        {
            var name = await RegisterAsync(partnerClient, code, country, type);
            nominators.Add(new Nominator(name, country, type.ToString()));
        }

        var programmeClient = new ProgrammeService.ProgrammeServiceClient(programmes);
        var created = new List<string>();
        for (var i = 1; i <= programmeCount; i++)
        {
            created.Add(await CreateProgrammeAsync(programmeClient, $"SCALE-{i:D3}", funder, nominators));
        }

        var probe = await CreateProgrammeAsync(programmeClient, "SCALE-PROBE", probeFunder, nominators);
        return (funder, nominators, created, probe);
    }

    private async Task<string> RegisterAsync(PartnerService.PartnerServiceClient client, string code, string country, OrganisationType type)
    {
        var organisation = await client.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            Organisation = new Organisation
            {
                IatiIdentifier = $"{country}-SCALE-{code}",
                DisplayName = $"{code} (scale benchmark)",
                Type = type,
                CountryCode = country,
                RegionGroups = { RegionGroup.Asean },
            },
            RequestId = $"scale-org-{code}",
        }, callers.As(Callers.Admin));
        return organisation.Name;
    }

    private async Task<string> CreateProgrammeAsync(ProgrammeService.ProgrammeServiceClient client, string code, string funder, IReadOnlyList<Nominator> nominators)
    {
        var programme = new Programme
        {
            Code = code,
            IatiIdentifier = $"XM-DAC-701-1-{code}",
            Title = $"Scale benchmark programme {code}",
            PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
            Themes = { GfceTheme.CyberCultureAndSkills },
            ParticipatingOrganisations = { new ParticipatingOrganisation { Organisation = funder, Role = OrganisationRole.Funding } },
            FunderShares = { new FunderShare { Funder = funder, SharePercent = 100 } },
        };
        programme.RecipientCountries.AddRange(nominators.Select(n => n.CountryCode).Distinct());
        programme.ParticipatingOrganisations.AddRange(nominators.Select(n => new ParticipatingOrganisation
        {
            Organisation = n.Name,
            Role = OrganisationRole.Extending,
            LocalRoles = { LocalRole.NominatingAuthority },
        }));
        var created = await client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme, RequestId = $"scale-programme-{code}" }, callers.As(Callers.Admin));
        await client.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = created.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, callers.As(Callers.Admin));
        return created.Name;
    }
}
