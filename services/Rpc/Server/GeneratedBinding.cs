using System.Reflection;

namespace CapacityHub.Rpc.Server;

/// <summary>
/// Finds the generated <c>FooBase.BindService&lt;TService&gt;</c> of an implementation type. Reflection runs
/// once when the service is mapped; calls are then dispatched through the delegates it registers.
/// </summary>
internal static class GeneratedBinding
{
    public static void Bind<TService>(IServiceBinder<TService> binder)
        where TService : class
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var bind = type.GetMethod("BindService", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            if (bind is { IsGenericMethodDefinition: true } && bind.GetGenericArguments().Length == 1)
            {
                bind.MakeGenericMethod(typeof(TService)).Invoke(null, [binder]);
                return;
            }
        }

        throw new InvalidOperationException(
            $"{typeof(TService)} does not derive from a generated service base (a FooBase class with BindService).");
    }
}
