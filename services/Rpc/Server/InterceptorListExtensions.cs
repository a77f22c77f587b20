namespace CapacityHub.Rpc;

public static class InterceptorListExtensions
{
    /// <summary>Adds an interceptor type; it is taken from DI when registered there, else created once.</summary>
    public static void Add<TInterceptor>(this IList<Type> interceptors)
        where TInterceptor : class, IServerInterceptor
    {
        ArgumentNullException.ThrowIfNull(interceptors);
        interceptors.Add(typeof(TInterceptor));
    }
}
