using System.Diagnostics;

namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>Gives gRPC client spans the RPC semantic conventions: rpc.system, rpc.service, rpc.method.</summary>
internal static class RpcClientSpans
{
    public static void Describe(Activity activity, HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath.TrimStart('/') ?? "";
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        activity.SetTag("rpc.system", "grpc");
        if (slash > 0)
        {
            activity.SetTag("rpc.service", path[..slash]);
            activity.SetTag("rpc.method", path[(slash + 1)..]);
        }
    }
}
