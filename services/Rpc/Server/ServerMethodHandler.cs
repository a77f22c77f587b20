using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Rpc.Server;

/// <summary>What every method handler shares at runtime: options, service activation, interceptors, logging.</summary>
internal sealed record MethodServices<TService>(
    RpcServerOptions Options,
    ServiceActivator<TService> Activator,
    InterceptorPipeline Interceptors,
    ILogger Logger)
    where TService : class;

/// <summary>
/// Serves one method: protocol checks, the call context, interceptors, the status at the end.
/// Subclasses only read requests, invoke the service and write responses.
/// </summary>
internal abstract class ServerMethodHandler<TService>(IMethod method, MethodServices<TService> services)
    where TService : class
{
    private ServerCallContinuation? _invoke;

    public IMethod Method { get; } = method;

    protected MethodServices<TService> Services { get; } = services;

    public async Task HandleAsync(HttpContext http)
    {
        var call = HttpServerCallContext.TryCreate(http, Method.FullName, Services.Options);
        if (call is null)
        {
            return;
        }

        try
        {
            if (Services.Interceptors.IsEmpty)
            {
                await InvokeAsync(call).ConfigureAwait(false);
            }
            else
            {
                _invoke ??= context => InvokeAsync((HttpServerCallContext)context);
                await Services.Interceptors.RunAsync(call, _invoke).ConfigureAwait(false);
            }

            await call.CompleteAsync(RpcStatus.Ok).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.CompleteAsync(CallOutcome.FromException(ex, call, Services.Logger)).ConfigureAwait(false);
        }
        finally
        {
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected abstract Task InvokeAsync(HttpServerCallContext call);

    protected static TResponse RequireResponse<TResponse>(TResponse? response)
        where TResponse : class =>
        response ?? throw new InvalidOperationException("The handler returned a null response message.");
}
