using CapacityHub.ServiceDefaults.Clients;

namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>
/// For calls a service makes on its own behalf (Trainings checking a programme with Programmes):
/// adds a caller token naming the calling service. A token is reused until shortly before it
/// expires, so the signing cost is not paid per call.
/// </summary>
public sealed class ServiceCallerInterceptor(CallerTokens tokens, string serviceName, TimeProvider time, TimeSpan tokenLifetime) : CallerTokenInterceptor
{
    private readonly Lock gate = new();
    private string? token;
    private DateTimeOffset renewAt;

    protected override string TokenFor()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (token is null || now >= renewAt)
            {
                token = tokens.Issue(CallerIdentity.ForService(serviceName));
                renewAt = now + (tokenLifetime / 2);
            }

            return token;
        }
    }
}
