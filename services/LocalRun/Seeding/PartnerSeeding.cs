using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Organisations under their demo keys ("organisations/etda") and the agreements between them.</summary>
internal sealed class PartnerSeeding(SeedClients clients, DemoCallers callers, DemoDataFile data)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        foreach (var o in data.Organisations)
        {
            await clients.Partners.CreateOrganisationAsync(new CreateOrganisationRequest
            {
                OrganisationId = o.Key,
                RequestId = $"demo-seed:organisation:{o.Key}",
                Organisation = Organisation(o),
            }, callers.As(callers.Administrator, ct));
        }

        foreach (var a in data.Agreements)
        {
            await clients.Partners.CreateAgreementAsync(new CreateAgreementRequest
            {
                RequestId = $"demo-seed:agreement:{a.Key}",
                Agreement = Agreement(a),
            }, callers.As(callers.Administrator, ct));
        }

        return data.Organisations.Count;
    }

    private static Organisation Organisation(DemoOrganisation o)
    {
        var organisation = new Organisation
        {
            DisplayName = o.Name,
            Acronym = o.Acronym ?? "",
            IatiIdentifier = o.Iati ?? "",
            Type = ProtoValues.Enum<OrganisationType>(o.Type),
            CountryCode = o.Country,
            Status = OrganisationStatus.Active,
        };
        organisation.RegionGroups.AddRange(o.Regions.Select(ProtoValues.Enum<RegionGroup>));
        organisation.Contacts.Add(new Contact
        {
            FullName = $"{o.Focal ?? o.Name} focal point",
            Email = $"focal-point@{o.Key}.example",
            JobTitle = o.Focal ?? "",
            Roles = { FocalPointRole.Primary, FocalPointRole.Nominations, FocalPointRole.Reporting },
        });
        return organisation;
    }

    private static Agreement Agreement(DemoAgreement a)
    {
        var agreement = new Agreement
        {
            Type = ProtoValues.Enum<AgreementType>(a.Type),
            Title = a.Title,
            Programme = a.Programme is null ? "" : $"programmes/{a.Programme}",
            SignedDate = ProtoValues.Date(a.Signed),
            Term = ProtoValues.Range(a.Term),
            ReportingSchedule = new ReportingSchedule { Frequency = ProtoValues.Enum<ReportingFrequency>(a.Reporting.Frequency), DueDays = a.Reporting.DueDays },
        };
        agreement.Parties.AddRange(a.Parties.Select(p => $"organisations/{p}"));
        if (a.Amount is not null)
        {
            agreement.Amount = new Money { CurrencyCode = a.Currency ?? "USD", Amount = a.Amount };
        }

        return agreement;
    }
}
