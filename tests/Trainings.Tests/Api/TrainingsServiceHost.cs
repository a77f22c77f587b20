using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.TestSupport;
using CapacityHub.Trainings.Extensions;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>
/// The Trainings service as Program.cs wires it (real HTTP/2, temp SQLite, caller tokens enforced), with
/// callers for every role. The Programmes and Partners addresses point nowhere: outcome reports and
/// programme-scoped impact metrics never call them.
/// </summary>
public sealed class TrainingsServiceHost : IAsyncLifetime
{
    public const string Programme = "programmes/ajccbc";
    public const string OtherProgramme = "programmes/arf-ict";
    public const string Partner = "organisations/vncert";
    public const string OtherPartner = "organisations/thaicert";

    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());
    private readonly CallerTokens _tokens = new(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
    private ServiceTestHost? _host;

    public static CallerIdentity PartnerAgency { get; } = new("u-vn", "Linh", CallerRole.PartnerAgency, "vncert", "VN", []);
    public static CallerIdentity OtherPartnerAgency { get; } = new("u-th", "Kanya", CallerRole.PartnerAgency, "thaicert", "TH", []);
    public static CallerIdentity Manager { get; } = new("u-mgr", "Aiko", CallerRole.ProgrammeManager, "mofa-jp", "JP", ["ajccbc"]);
    public static CallerIdentity OtherManager { get; } = new("u-mgr2", "Tan", CallerRole.ProgrammeManager, "csa-sg", "SG", ["arf-ict"]);
    public static CallerIdentity Funder { get; } = new("u-fund", "Ken", CallerRole.Funder, "jaif", "JP", []);
    public static CallerIdentity Administrator { get; } = new("u-admin", "Root", CallerRole.Administrator, null, null, []);

    public ServiceChannel Channel => _host!.Channel;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(
        "trainings-tb",
        b => b.AddTrainings(),
        a => a.MapTrainings(),
        "Testing",
        new Dictionary<string, string?>
        {
            ["Identity:SigningKey"] = Key,
            ["Services:Programmes"] = "http://127.0.0.1:9",
            ["Services:Partners"] = "http://127.0.0.1:9",
        });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public CallOptions As(CallerIdentity caller, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        new(headers: new Metadata { { CallerTokenOptions.MetadataKey, _tokens.Issue(caller) } }, deadline: deadline, cancellationToken: cancellationToken);
}
