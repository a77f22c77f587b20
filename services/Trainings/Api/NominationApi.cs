using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// capacityhub.trainings.v1.NominationService: nominations (checked with Partners and Programmes), seats,
/// quotas and the waitlist. Each write loads the training's counters and only the nominations it names, in one transaction.
/// </summary>
public sealed partial class NominationApi(TrainingStore store, ProgrammeChecks programmes, PartnerChecks partners, TrainingsMetrics metrics, TimeProvider clock)
    : NominationService.NominationServiceBase
{
    private const string NominationsKind = "nominations";

    public override async Task<Nomination> Nominate(NominateRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        var errors = new FieldErrors();
        var trainingId = errors.ResourceName("parent", request.Parent, TrainingResources.Trainings);
        errors.Required("request_id", request.RequestId);
        errors.MaxLength("request_id", request.RequestId, 64);
        if (request.Nomination is null)
        {
            errors.Add("nomination", "is required");
        }
        else
        {
            if (request.Nomination.NominatingOrganisation.Length == 0 && TrainingsAccess.OrganisationOf(caller) is { } own && caller.Role == CallerRole.PartnerAgency)
            {
                request.Nomination.NominatingOrganisation = own;
            }

            errors.ResourceName("nomination.nominating_organisation", request.Nomination.NominatingOrganisation, "organisations");
            // The employer defaults to the nominating organisation; the country follows the employer.
            errors.ResourceName("nomination.participant.organisation", request.Nomination.Participant?.Organisation, "organisations", required: false);
            errors.CountryCode("nomination.participant.country_code", request.Nomination.Participant?.CountryCode, required: false);
        }

        errors.ThrowIfAny("nomination");
        var organisation = request.Nomination!.NominatingOrganisation;
        var training = (await store.FindAsync(trainingId!, context.CancellationToken))?.Value
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Training {request.Parent} does not exist."));
        TrainingsAccess.RequireNominationAccess(caller, training.Programme, organisation, "nominate for");
        if (await store.RecordedAsync("Nominate", request.RequestId, context.CancellationToken) is { } done)
        {
            return await ReadAsync(trainingId!, done, context);
        }

        var given = request.Nomination.Participant ??= new V1.Participant();
        if (given.Organisation.Length == 0)
        {
            given.Organisation = organisation;
        }

        if (training.Status != TrainingStatus.OpenForNomination || training.SessionDays.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The training is {training.Status.ToString().ToLowerInvariant()}, not open for nomination"));
        }

        var nominator = await partners.ActiveOrganisationAsync(organisation, context.CancellationToken);
        var employer = given.Organisation == organisation ? nominator : await partners.ActiveOrganisationAsync(given.Organisation, context.CancellationToken);
        var first = LocalDate.FromDateOnly(training.SessionDays.Min(d => d.Date.ToDateOnly()));
        var last = LocalDate.FromDateOnly(training.SessionDays.Max(d => d.Date.ToDateOnly()));
        var window = await programmes.WindowAsync(training.Programme, first, last, new[] { organisation, given.Organisation }.Distinct(), "check that the organisation takes part in the programme", context.CancellationToken);
        var nominatorRole = window.Organisations.FirstOrDefault(o => o.Organisation == organisation);
        var participates = nominatorRole is { Participates: true, MayNominate: true };
        NominationRules.RequireMayNominate(nominator, employer, nominatorRole, window.Organisations.FirstOrDefault(o => o.Organisation == given.Organisation));
        given.CountryCode = await DomainCalls.Run(() => Task.FromResult(NominationRules.CountryOf(employer, given.CountryCode)));
        var participant = TrainingResources.Participant(given);
        await DomainCalls.Run(() =>
        {
            participant.Validate("nomination.participant");
            return Task.FromResult(true);
        });

        var now = clock.GetUtcNow();
        var id = ResourceNames.NewId();
        var created = await DomainCalls.Run(() => store.WriteAsync(trainingId!, caller.Subject, aggregate =>
        {
            var nomination = aggregate.Roster.Nominate(id, participant, organisation, Instant.FromDateTimeOffset(now), participates);
            var resource = new Nomination
            {
                Name = TrainingResources.NominationName(aggregate.Id, id),
                Participant = request.Nomination.Participant!.Clone(),
                NominatingOrganisation = organisation,
                NominateTime = Timestamp.FromDateTimeOffset(now),
            };
            aggregate.Add(nomination, resource, PartnerChecks.TypeLabel(nominator));
            return id;
        }, context.CancellationToken, "Nominate", request.RequestId, () => metrics.Nomination(Domain.Nominations.NominationStatus.Nominated),
            RosterNeeds.NewNomination(participant.CountryCode, organisation)));
        return await ReadAsync(trainingId!, created, context);
    }

    public override async Task<Nomination> GetNomination(GetNominationRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        var (trainingId, id) = ParseName(request.Name, "name");
        var found = await store.FindNominationAsync(trainingId, id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Nomination {request.Name} does not exist."));
        TrainingsAccess.RequireNominationAccess(caller, found.Stored.ProgrammeId, found.Stored.OrganisationId, "read");
        return found.Resource;
    }

    public override async Task<ListNominationsResponse> ListNominations(ListNominationsRequest request, ServerCallContext context)
    {
        var caller = TrainingsAccess.Caller(context);
        TrainingsAccess.RequireNoFunder(caller);
        var errors = new FieldErrors();
        var all = request.Parent == "trainings/-";
        var trainingId = all ? null : errors.ResourceName("parent", request.Parent, TrainingResources.Trainings);
        errors.ResourceName("nominating_organisation", request.NominatingOrganisation, "organisations", required: false);
        for (var i = 0; i < request.Statuses.Count; i++)
        {
            errors.KnownEnum($"statuses[{i}]", request.Statuses[i]);
        }

        errors.CountryCode("country_code", request.CountryCode, required: false);
        var query = errors.SearchQuery("query", request.Query);

        var organisation = request.NominatingOrganisation;
        if (caller.Role == CallerRole.PartnerAgency)
        {
            // Partners see their own people only: the list is silently narrowed to them.
            organisation = TrainingsAccess.OrganisationOf(caller) ?? "organisations/-";
        }

        if (all && organisation.Length == 0 && !TrainingsAccess.IsUnrestricted(caller))
        {
            errors.Add("nominating_organisation", "is required when listing across trainings (parent \"trainings/-\")");
        }

        errors.ThrowIfAny("list request");
        var size = Paging.SizeOf(request.PageSize);
        string? programme = null;
        if (trainingId is not null)
        {
            var training = (await store.FindAsync(trainingId, context.CancellationToken))?.Value
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"Training {request.Parent} does not exist."));
            programme = training.Programme;
            if (caller.Role != CallerRole.PartnerAgency)
            {
                TrainingsAccess.RequireManager(caller, programme, "list its nominations");
            }
        }

        var filter = Filter.All;
        if (trainingId is not null)
        {
            filter = filter.And("trainingId", trainingId);
        }

        if (organisation.Length > 0)
        {
            filter = filter.And("organisationId", organisation);
        }

        if (request.Statuses.Count > 0)
        {
            filter = filter.AndIn("status", request.Statuses.Select(s => (object?)s.ToString()));
        }

        if (request.CountryCode.Length > 0)
        {
            filter = filter.And("countryCode", request.CountryCode);
        }

        if (query.Length > 0)
        {
            filter = filter.AndContains("searchText", query);
        }

        var (items, next) = await StoreFailures.Guard(() => store.ListNominationsAsync(filter, size, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken));
        var response = new ListNominationsResponse { NextPageToken = next ?? "" };
        response.Nominations.AddRange(items
            .Where(n => caller.Role == CallerRole.PartnerAgency || TrainingsAccess.Manages(caller, n.Stored.ProgrammeId))
            .Select(n => n.Resource));
        return response;
    }

    private async Task<Nomination> ReadAsync(string trainingId, string id, ServerCallContext context) =>
        (await store.FindNominationAsync(trainingId, id, context.CancellationToken))?.Resource
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"Nomination {TrainingResources.NominationName(trainingId, id)} was deleted meanwhile."));

    private static (string TrainingId, string Id) ParseName(string name, string field) =>
        TrainingResources.ParseChild(name, NominationsKind)
        ?? throw RpcException.InvalidArgument($"Invalid {field} \"{name}\".", new FieldViolation(field, "must be \"trainings/{id}/nominations/{id}\""));
}
