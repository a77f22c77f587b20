using Microsoft.Extensions.DependencyInjection;

namespace CapacityHub.Rpc.Server;

/// <summary>The configured interceptors, outermost first, around a method handler.</summary>
internal sealed class InterceptorPipeline
{
    private readonly Func<IServiceProvider, IServerInterceptor>[] _resolvers;

    public InterceptorPipeline(IServiceProvider services, IEnumerable<Type> interceptorTypes)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        _resolvers = interceptorTypes.Select(type => Resolver(services, isService, type)).ToArray();
    }

    public bool IsEmpty => _resolvers.Length == 0;

    public Task RunAsync(ServerCallContext context, ServerCallContinuation handler) =>
        _resolvers.Length == 0 ? handler(context) : RunFrom(0, context, handler);

    private Task RunFrom(int index, ServerCallContext context, ServerCallContinuation handler)
    {
        if (index == _resolvers.Length)
        {
            return handler(context);
        }

        var interceptor = _resolvers[index](context.HttpContext.RequestServices);
        return interceptor.InterceptAsync(context, next => RunFrom(index + 1, next, handler));
    }

    private static Func<IServiceProvider, IServerInterceptor> Resolver(
        IServiceProvider root, IServiceProviderIsService? isService, Type type)
    {
        if (!typeof(IServerInterceptor).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"{type} does not implement {nameof(IServerInterceptor)}.");
        }

        if (isService?.IsService(type) == true)
        {
            return requestServices => (IServerInterceptor)requestServices.GetRequiredService(type);
        }

        // Not registered: one instance for the server's lifetime.
        var instance = (IServerInterceptor)ActivatorUtilities.CreateInstance(root, type);
        return _ => instance;
    }
}
