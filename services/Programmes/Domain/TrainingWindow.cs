using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Domain;

/// <summary>
/// Answers the Trainings service: may a training on these dates belong to this programme, and which
/// organisations take part. Describes every problem instead of stopping at the first.
/// </summary>
public static class TrainingWindow
{
    public static CheckTrainingWindowResponse Check(Programme p, DateOnly first, DateOnly last, IEnumerable<string> organisations)
    {
        var response = new CheckTrainingWindowResponse
        {
            Status = p.Status,
            InImplementation = p.Status == ActivityStatus.Implementation,
        };
        if (!response.InImplementation)
        {
            response.Problems.Add($"Programme {p.Code} is in {StatusWords.Of(p.Status)}; trainings can only be scheduled while it is in implementation.");
        }

        var (start, end) = PeriodOf(p);
        response.ProgrammePeriod = new DateRange { StartDate = start.ToProto(), EndDate = end.ToProto() };
        response.WithinPeriod = first >= start && last <= end;
        if (!response.WithinPeriod)
        {
            response.Problems.Add($"Training dates {first:yyyy-MM-dd} to {last:yyyy-MM-dd} are outside programme {p.Code}'s period {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.");
        }

        foreach (var name in organisations)
        {
            var match = p.ParticipatingOrganisations.FirstOrDefault(o => o.Organisation == name);
            var answer = new OrganisationParticipation { Organisation = name, Participates = match is not null };
            if (match is not null)
            {
                answer.Role = match.Role;
                answer.LocalRoles.AddRange(match.LocalRoles);
                answer.MayNominate = ProgrammeRules.MayNominate(match);
            }

            response.Organisations.Add(answer);
        }

        response.Allowed = response.InImplementation && response.WithinPeriod;
        return response;
    }

    /// <summary>Actual dates override planned ones once they are known.</summary>
    public static (DateOnly Start, DateOnly End) PeriodOf(Programme p)
    {
        var start = (p.ActualPeriod?.StartDate ?? p.PlannedPeriod.StartDate).ToDateOnly();
        var end = (p.ActualPeriod?.EndDate ?? p.PlannedPeriod.EndDate).ToDateOnly();
        return (start, end);
    }
}
