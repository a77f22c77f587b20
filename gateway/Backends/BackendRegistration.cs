using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Backends;

public static class BackendRegistration
{
    /// <summary>
    /// Caller tokens (Identity:SigningKey, shared with the services) and the service clients. The key
    /// is required: the gateway is the only issuer of the identities the services act on.
    /// </summary>
    public static WebApplicationBuilder AddServiceBackends(this WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(CallerTokenOptions.Section).Get<CallerTokenOptions>() ?? new CallerTokenOptions();
        if (string.IsNullOrWhiteSpace(identity.SigningKey))
        {
            throw new InvalidOperationException("Set Identity:SigningKey (base64, at least 256 bits, the same key the services have): the gateway signs the caller tokens services act on.");
        }

        identity.KeyBytes();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton<CallerTokens>();
        builder.Services.AddSingleton<UserCallerInterceptor>();
        builder.Services.AddSingleton<ServiceBackends>();
        return builder;
    }
}
