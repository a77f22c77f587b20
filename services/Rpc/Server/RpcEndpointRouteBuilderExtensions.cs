using CapacityHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityHub.Rpc;

public static class RpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Routes every method of the generated service that <typeparamref name="TService"/> implements
    /// to "/{package.Service}/{Method}". The returned builder applies conventions (e.g. authorization) to all of them.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var provider = endpoints.ServiceProvider;
        var registry = provider.GetService<RpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddRpc() before mapping gRPC services.");
        var options = provider.GetRequiredService<IOptions<RpcServerOptions>>().Value;
        var services = new MethodServices<TService>(
            options,
            new ServiceActivator<TService>(provider),
            new InterceptorPipeline(provider, options.Interceptors),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("CapacityHub.Rpc.Server." + typeof(TService).Name));

        var binder = new EndpointServiceBinder<TService>(services);
        GeneratedBinding.Bind(binder);

        var builders = new List<IEndpointConventionBuilder>();
        foreach (var handler in binder.Handlers)
        {
            builders.Add(endpoints
                .MapPost(handler.Method.FullName, handler.HandleAsync)
                .WithDisplayName("gRPC " + handler.Method.FullName)
                .WithMetadata(handler.Method));
        }

        var serviceName = binder.Descriptor?.FullName ?? binder.Handlers.FirstOrDefault()?.Method.ServiceName;
        if (serviceName is not null)
        {
            registry.Add(serviceName, binder.Descriptor);
        }

        if (registry.TryClaimUnimplementedRoute())
        {
            endpoints.MapPost(UnimplementedEndpoint.Pattern, UnimplementedEndpoint.HandleAsync)
                .WithDisplayName("gRPC unimplemented")
                .Add(builder => ((RouteEndpointBuilder)builder).Order = int.MaxValue);
        }

        return new CompositeConventionBuilder(builders);
    }

    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
