using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>What the fake Programmes and Partners services answer; tests add programmes and organisations.</summary>
public sealed class PeerState
{
    public ConcurrentDictionary<string, (ActivityStatus Status, DateOnly Start, DateOnly End, string[] Nominators, string[] Funders)> Programmes { get; } = new();
    public ConcurrentDictionary<string, Organisation> Organisations { get; } = new();
    /// <summary>Organisations taking part in a programme as beneficiaries only (not nominating authorities).</summary>
    public ConcurrentDictionary<string, string[]> Beneficiaries { get; } = new();
}

/// <summary>
/// Programmes and Partners as small gRPC servers on the generated bases, on a fixed local port so they can
/// be stopped (the dependency is down: connection refused) and started again at the same address.
/// </summary>
public sealed class TrainingsTestPeers : IAsyncDisposable
{
    private WebApplication? app;

    public TrainingsTestPeers()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }
    public string Address => $"http://127.0.0.1:{Port}";
    public PeerState State { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(State);
        app = builder.Build();
        app.MapGrpcService<FakeProgrammes>();
        app.MapGrpcService<FakePartners>();
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class FakeProgrammes(PeerState state) : ProgrammeService.ProgrammeServiceBase
    {
        public override Task<Programme> GetProgramme(GetProgrammeRequest request, ServerCallContext context) =>
            state.Programmes.TryGetValue(request.Name, out var p)
                ? Task.FromResult(WithNominators(new Programme { Name = request.Name }, p.Nominators))
                : throw new RpcException(new Status(StatusCode.NotFound, $"Programme {request.Name} does not exist."));

        private static Programme WithNominators(Programme programme, IEnumerable<string> nominators)
        {
            programme.ParticipatingOrganisations.AddRange(nominators.Select(o => new ParticipatingOrganisation
            {
                Organisation = o,
                Role = OrganisationRole.Implementing,
                LocalRoles = { LocalRole.NominatingAuthority },
            }));
            return programme;
        }

        public override Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context)
        {
            var response = new ListProgrammesResponse();
            var matching = request.ParticipantMayNominate
                ? state.Programmes.Where(p => p.Value.Nominators.Contains(request.Participant)
                    || (state.Beneficiaries.TryGetValue(p.Key, out var b) && b.Contains(request.Participant)))
                : state.Programmes.Where(p => p.Value.Funders.Contains(request.Funder));
            response.Programmes.AddRange(matching.Select(p => new Programme { Name = p.Key }));
            return Task.FromResult(response);
        }

        public override Task<CheckTrainingWindowResponse> CheckTrainingWindow(CheckTrainingWindowRequest request, ServerCallContext context)
        {
            if (!state.Programmes.TryGetValue(request.Programme, out var p))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Programme {request.Programme} does not exist."));
            }

            var first = request.TrainingDates.StartDate.ToDateOnly();
            var last = request.TrainingDates.EndDate.ToDateOnly();
            var response = new CheckTrainingWindowResponse
            {
                Status = p.Status,
                InImplementation = p.Status == ActivityStatus.Implementation,
                ProgrammePeriod = new Common.V1.DateRange { StartDate = p.Start.ToProto(), EndDate = p.End.ToProto() },
                WithinPeriod = first >= p.Start && last <= p.End,
            };
            if (!response.InImplementation)
            {
                response.Problems.Add($"Programme {request.Programme} is not in implementation.");
            }

            if (!response.WithinPeriod)
            {
                response.Problems.Add($"Training dates {first:yyyy-MM-dd} to {last:yyyy-MM-dd} are outside the programme's period.");
            }

            response.Allowed = response.InImplementation && response.WithinPeriod;
            foreach (var organisation in request.Organisations)
            {
                var nominates = p.Nominators.Contains(organisation);
                var beneficiary = state.Beneficiaries.TryGetValue(request.Programme, out var b) && b.Contains(organisation);
                var participation = new OrganisationParticipation { Organisation = organisation, Participates = nominates || beneficiary, MayNominate = nominates || beneficiary };
                if (nominates)
                {
                    participation.LocalRoles.Add(LocalRole.NominatingAuthority);
                }

                if (beneficiary)
                {
                    participation.LocalRoles.Add(LocalRole.Beneficiary);
                }

                response.Organisations.Add(participation);
            }

            return Task.FromResult(response);
        }
    }

    private sealed class FakePartners(PeerState state) : PartnerService.PartnerServiceBase
    {
        public override Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
            state.Organisations.TryGetValue(request.Name, out var organisation)
                ? Task.FromResult(organisation)
                : throw new RpcException(new Status(StatusCode.NotFound, $"Organisation {request.Name} does not exist."));

        public override Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
        {
            var response = new ListOrganisationsResponse();
            response.Organisations.AddRange(state.Organisations.Values.Where(o => request.CountryCode.Length == 0 || o.CountryCode == request.CountryCode));
            return Task.FromResult(response);
        }
    }
}
