using System.Net;
using CapacityHub.Gateway.Backends;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// Which service owns each forwarded gRPC service, reached at the address of its channel in
/// <see cref="ServiceBackends"/> (<c>Services:*</c>) over its own HTTP/2 connection pool.
/// </summary>
public sealed class BackendTargets : IDisposable
{
    private readonly Dictionary<string, BackendTarget> byService = new(StringComparer.Ordinal);
    private readonly List<HttpMessageInvoker> invokers = [];

    public BackendTargets(ServiceBackends backends)
    {
        var programmes = Open("Programmes", backends.Programmes.Address);
        var partners = Open("Partners", backends.Partners.Address);
        var trainings = Open("Trainings", backends.Trainings.Address);
        byService["capacityhub.programmes.v1.ProgrammeService"] = programmes;
        byService["capacityhub.partners.v1.PartnerService"] = partners;
        foreach (var service in new[] { "TrainingService", "NominationService", "OutcomeReportService", "ImpactService" })
        {
            byService[$"capacityhub.trainings.v1.{service}"] = trainings;
        }
    }

    public BackendTarget? For(string serviceName) => byService.GetValueOrDefault(serviceName);

    public void Dispose()
    {
        foreach (var invoker in invokers)
        {
            invoker.Dispose();
        }
    }

    private BackendTarget Open(string name, Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            // Past a service's concurrent-stream limit, open another connection instead of queueing calls.
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Replacing connections now and then spreads calls over pods that appeared since.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        var invoker = new HttpMessageInvoker(handler);
        invokers.Add(invoker);
        return new BackendTarget(name, address, invoker);
    }
}
