using CapacityHub.Rpc;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>capacityhub.trainings.v1.ImpactService: metrics folded from the stored aggregates.</summary>
public sealed class ImpactApi(ImpactAggregates aggregates, IFunderProgrammes funders) : ImpactService.ImpactServiceBase
{
    public override async Task<V1.ImpactMetrics> GetImpactMetrics(GetImpactMetricsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < request.Programmes.Count; i++)
        {
            errors.ResourceName($"programmes[{i}]", request.Programmes[i], "programmes");
        }

        if (request.Funder.Length > 0)
        {
            errors.ResourceName("funder", request.Funder, "organisations");
        }
        else if (request.Programmes.Count == 0)
        {
            errors.Add("programmes", "name at least one programme, or a funder");
        }

        errors.CountryCode("country_code", request.CountryCode, required: false);
        if (request.Organisation.Length > 0)
        {
            errors.ResourceName("organisation", request.Organisation, "organisations");
        }

        var period = request.Period is null ? null : errors.DateRange("period", request.Period);
        if (request.MinimumCellCount is < 0 or > 100)
        {
            errors.Add("minimum_cell_count", "must be between 0 (default 5) and 100");
        }

        errors.ThrowIfAny("impact query");

        var programmes = new HashSet<string>(request.Programmes, StringComparer.Ordinal);
        if (request.Funder.Length > 0)
        {
            var funded = await funders.ProgrammesFundedByAsync(request.Funder, context.CancellationToken);
            // A funder sees only its own programmes, even when it names others.
            programmes = programmes.Count == 0 ? [.. funded] : [.. programmes.Intersect(funded)];
        }

        var funderView = request.Funder.Length > 0 || request.FunderView;
        var minimum = request.MinimumCellCount == 0 ? ImpactQuery.DefaultMinimumCellCount : request.MinimumCellCount;
        if (programmes.Count == 0)
        {
            // Nothing funded (or nothing in common): an empty, not an error, answer.
            programmes.Add("programmes/-");
        }

        var query = new ImpactQuery
        {
            ProgrammeIds = programmes,
            CountryCode = request.CountryCode.Length > 0 ? request.CountryCode : null,
            OrganisationId = request.Organisation.Length > 0 ? request.Organisation : null,
            From = period is { } p ? LocalDate.FromDateOnly(p.Start) : null,
            To = period is { End: { } end } ? LocalDate.FromDateOnly(end) : null,
            Audience = funderView ? ImpactAudience.Funder : ImpactAudience.Internal,
            MinimumCellCount = funderView ? Math.Max(minimum, ImpactQuery.DefaultMinimumCellCount) : minimum,
        };

        var metrics = await DomainCalls.Run(() => aggregates.ComputeAsync(query, context.CancellationToken));
        return ImpactMapping.ToProto(metrics, query.MinimumCellCount);
    }
}
