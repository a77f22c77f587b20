using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Rpc.Server;

/// <summary>Turns what a handler threw into the status the caller sees; internals never leak.</summary>
internal static partial class CallOutcome
{
    public static RpcStatus FromException(Exception exception, HttpServerCallContext call, ILogger logger)
    {
        if (exception is RpcException rpc)
        {
            foreach (var entry in rpc.Trailers)
            {
                call.ResponseTrailers.Add(entry);
            }

            return rpc.Status;
        }

        if (call.DeadlineExpired)
        {
            return new RpcStatus(StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }

        if (call.HttpContext.RequestAborted.IsCancellationRequested
            && exception is OperationCanceledException or IOException or ConnectionAbortedException)
        {
            return new RpcStatus(StatusCode.Cancelled, "Call cancelled by the client.");
        }

        LogHandlerFailure(logger, call.Method, exception);
        return new RpcStatus(StatusCode.Unknown, "Exception was thrown by handler.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {Method} threw an unhandled exception")]
    private static partial void LogHandlerFailure(ILogger logger, string method, Exception exception);
}
