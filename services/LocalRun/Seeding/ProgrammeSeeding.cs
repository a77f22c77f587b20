using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>Programmes under their demo keys, with participating organisations and results, put into implementation.</summary>
internal sealed class ProgrammeSeeding(SeedClients clients, DemoCallers callers)
{
    public async Task<Programme> SeedAsync(DemoProgramme p, CancellationToken ct)
    {
        var programme = await clients.Programmes.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            ProgrammeId = p.Key,
            RequestId = $"demo-seed:programme:{p.Key}",
            Programme = Programme(p),
        }, callers.As(callers.Administrator, ct));

        if (p.Status == "IMPLEMENTATION" && programme.Status == ActivityStatus.Pipeline)
        {
            // Started on its planned start: the demo programmes have been running since then.
            programme = await clients.Programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest
            {
                Name = programme.Name,
                Etag = programme.Etag,
                EffectiveDate = ProtoValues.Date(p.Planned.Start),
            }, callers.As(callers.Manager, ct));
        }

        return programme;
    }

    private static Programme Programme(DemoProgramme p)
    {
        var programme = new Programme
        {
            Code = p.Code,
            IatiIdentifier = p.Iati ?? "",
            Title = p.Title,
            Description = p.Description,
            PlannedPeriod = ProtoValues.Range(p.Planned),
            // Entered by the administrator for the demo manager: the managers list is what gives it the programme.
            Managers = { DemoCallers.ManagerSubject },
        };
        programme.Themes.AddRange(p.Themes.Select(ProtoValues.Enum<GfceTheme>));
        programme.RecipientCountries.AddRange(p.Recipients);
        programme.RecipientRegions.Add(RegionGroup.Asean);
        foreach (var o in p.Organisations)
        {
            var participation = new ParticipatingOrganisation { Organisation = $"organisations/{o.Org}", Role = ProtoValues.Enum<OrganisationRole>(o.IatiRole) };
            participation.LocalRoles.AddRange(o.Local.Select(ProtoValues.Enum<LocalRole>));
            programme.ParticipatingOrganisations.Add(participation);
        }

        foreach (var b in p.Budgets)
        {
            programme.Budgets.Add(new Budget
            {
                Funder = $"organisations/{b.Funder}",
                Period = ProtoValues.Range(b.Period),
                Value = new Money { CurrencyCode = b.Currency, Amount = b.Amount },
            });
        }

        foreach (var r in p.Results)
        {
            var result = new Result { Type = ProtoValues.Enum<ResultType>(r.Type), KirkpatrickLevel = (KirkpatrickLevel)r.Kirkpatrick, Title = r.Title };
            foreach (var i in r.Indicators)
            {
                result.Indicators.Add(new Indicator
                {
                    Title = i.Title,
                    Measure = ProtoValues.Enum<IndicatorMeasure>(i.Measure),
                    Ascending = i.Ascending,
                    Baseline = new Baseline { Year = ProtoValues.Day(p.Planned.Start).Year, Value = i.Baseline },
                    Metric = ProtoValues.EnumOrUnspecified<ImpactMetric>(i.Metric),
                    Periods = { new IndicatorPeriod { Period = ProtoValues.Range(p.Planned), Target = i.Target } },
                });
            }

            programme.Results.Add(result);
        }

        return programme;
    }
}
