using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// capacityhub.trainings.v1.ImpactService: metrics folded from the stored aggregates, once or as a
/// stream that follows changes of the query's programmes.
/// </summary>
public sealed class ImpactApi(ImpactAggregates aggregates, IProgrammeMemberships funders, ICountryOrganisations partners, ImpactChanges changes, IHostApplicationLifetime lifetime)
    : ImpactService.ImpactServiceBase
{
    public override async Task<V1.ImpactMetrics> GetImpactMetrics(GetImpactMetricsRequest request, ServerCallContext context)
    {
        var query = await QueryAsync(request, context);
        return await ComputeAsync(query, context.CancellationToken);
    }

    /// <summary>
    /// Current metrics at once, then the latest metrics after each change of a watched programme; changes
    /// that arrive while a message is computed or sent fold into the next one. Ends when the client
    /// cancels, the deadline passes (the call layer reports DEADLINE_EXCEEDED) or the server stops (OK).
    /// </summary>
    public override async Task WatchImpactMetrics(GetImpactMetricsRequest request, IServerStreamWriter<V1.ImpactMetrics> responseStream, ServerCallContext context)
    {
        var query = await QueryAsync(request, context);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = ending.Token;
        // Subscribe before the first read so a change committed in between is not missed.
        using var watch = changes.Watch(query.ProgrammeIds);
        try
        {
            await responseStream.WriteAsync(await ComputeAsync(query, token), token);
            while (true)
            {
                await watch.WaitAsync(token);
                await responseStream.WriteAsync(await ComputeAsync(query, token), token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Server shutdown: end the stream with OK so clients reconnect to another instance.
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away or the deadline passed; the call layer reports it.
        }
    }

    private Task<V1.ImpactMetrics> ComputeAsync(ImpactQuery query, CancellationToken cancellationToken) =>
        DomainCalls.Run(async () => ImpactMapping.ToProto(await aggregates.ComputeAsync(query, cancellationToken), query.MinimumCellCount));

    /// <summary>Validates the request, applies the caller's scope and resolves a funder's programmes.</summary>
    private async Task<ImpactQuery> QueryAsync(GetImpactMetricsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        for (var i = 0; i < request.Programmes.Count; i++)
        {
            errors.ResourceName($"programmes[{i}]", request.Programmes[i], "programmes");
        }

        if (request.Funder.Length > 0)
        {
            errors.ResourceName("funder", request.Funder, "organisations");
        }
        else if (request.Programmes.Count == 0 && caller.Role != CallerRole.Funder)
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

        var scope = ImpactAccess.Scope(caller, request.Programmes, NullIfEmpty(request.Funder), NullIfEmpty(request.Organisation));
        var programmes = new HashSet<string>(request.Programmes, StringComparer.Ordinal);
        if (scope.Funder is not null)
        {
            var funded = await funders.ProgrammesFundedByAsync(scope.Funder, context.CancellationToken);
            if (caller.Role == CallerRole.Funder && programmes.FirstOrDefault(p => !funded.Contains(p)) is { } unfunded)
            {
                // Refused rather than answered with zeros, which would read as "nobody trained".
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"Permission denied: {scope.Funder} does not fund {unfunded}."));
            }

            // A funder view covers only the funder's programmes, even when others are named.
            programmes = programmes.Count == 0 ? [.. funded] : [.. programmes.Intersect(funded)];
        }

        if (scope.OnlyProgrammes is { } allowed)
        {
            programmes.IntersectWith(allowed);
        }

        var funderView = scope.Funder is not null || scope.ForceFunderView || request.FunderView;
        var minimum = request.MinimumCellCount == 0 ? ImpactQuery.DefaultMinimumCellCount : request.MinimumCellCount;
        if (programmes.Count == 0)
        {
            // Nothing funded (or nothing in common): an empty, not an error, answer.
            programmes.Add("programmes/-");
        }

        var country = NullIfEmpty(request.CountryCode);
        return new ImpactQuery
        {
            ProgrammeIds = programmes,
            CountryCode = country,
            // Reporting discipline is about organisations: a country filter keeps that country's organisations.
            CountryOrganisations = country is null ? null : await partners.OrganisationsInAsync(country, context.CancellationToken),
            OrganisationId = scope.Organisation,
            From = period is { } p ? LocalDate.FromDateOnly(p.Start) : null,
            To = period is { End: { } end } ? LocalDate.FromDateOnly(end) : null,
            Audience = funderView ? ImpactAudience.Funder : ImpactAudience.Internal,
            MinimumCellCount = funderView ? Math.Max(minimum, ImpactQuery.DefaultMinimumCellCount) : minimum,
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
