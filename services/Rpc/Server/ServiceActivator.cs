using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.Rpc.Server;

/// <summary>
/// Gets the service instance for a call: from DI when registered (its lifetime is DI's business),
/// otherwise created with ActivatorUtilities through a factory compiled once, and disposed after the call.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory<TService>? _factory;

    public ServiceActivator(IServiceProvider services)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        if (isService?.IsService(typeof(TService)) != true)
        {
            _factory = ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);
        }
    }

    public TService Create(HttpContext http) =>
        _factory is null
            ? http.RequestServices.GetRequiredService<TService>()
            : _factory(http.RequestServices, null);

    public ValueTask ReleaseAsync(TService service)
    {
        if (_factory is null)
        {
            return default;
        }

        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return default;
    }
}
