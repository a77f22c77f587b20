using CapacityHub.Rpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CapacityHub.Rpc;

public static class ReflectionEndpointExtensions
{
    /// <summary>Maps server reflection (grpc.reflection.v1 and v1alpha) listing every service mapped on this server.</summary>
    public static IEndpointConventionBuilder MapRpcReflection(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapRpcService<ReflectionServiceV1>();
        var v1Alpha = endpoints.MapRpcService<ReflectionServiceV1Alpha>();
        return new ReflectionConventions(v1, v1Alpha);
    }

    private sealed class ReflectionConventions(IEndpointConventionBuilder v1, IEndpointConventionBuilder v1Alpha)
        : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            v1.Add(convention);
            v1Alpha.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            v1.Finally(finallyConvention);
            v1Alpha.Finally(finallyConvention);
        }
    }
}
