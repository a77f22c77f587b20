using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.Gateway.Authentication;

public static class AuthenticationSetup
{
    /// <summary>The cookie a browser keeps its token in after signing in.</summary>
    public const string SessionCookie = "capacityhub_session";

    /// <summary>
    /// Bearer tokens for every caller: from the configured OpenID Connect issuer in production, or from
    /// the demo sign-in in the local profile only. Browsers carry the same token in an HttpOnly cookie.
    /// </summary>
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayAuthenticationOptions.Section).Get<GatewayAuthenticationOptions>()
            ?? new GatewayAuthenticationOptions();
        var local = builder.Environment.IsEnvironment(GatewayAuthenticationOptions.LocalEnvironment);
        var demoKey = DemoKey(options, local);
        if (demoKey is null && string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new InvalidOperationException(
                "Set Authentication:Authority to the OpenID Connect issuer (the demo sign-in exists only in the Local environment).");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CallerClaims>();
        builder.Services.AddSingleton<ManagedProgrammeClaims>();
        builder.Services.AddSingleton(TimeProvider.System);
        if (demoKey is not null)
        {
            builder.Services.AddSingleton(new DemoTokenIssuer(new CallerClaims(options), demoKey, TimeProvider.System));
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                NameClaimType = options.NameClaim,
                RoleClaimType = options.RoleClaim,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (demoKey is not null)
            {
                jwt.TokenValidationParameters.ValidIssuer = DemoTokenIssuer.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = demoKey;
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
            else
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = true;
            }

            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Request.Headers.Authorization) &&
                        context.Request.Cookies.TryGetValue(SessionCookie, out var token))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = context => context.HttpContext.RequestServices.GetRequiredService<ManagedProgrammeClaims>().ApplyAsync(context),
            };
        });
        return builder;
    }

    private static SymmetricSecurityKey? DemoKey(GatewayAuthenticationOptions options, bool local)
    {
        if (string.IsNullOrWhiteSpace(options.DemoSigningKey))
        {
            return null;
        }

        if (!local)
        {
            throw new InvalidOperationException(
                $"Authentication:DemoSigningKey is set outside the {GatewayAuthenticationOptions.LocalEnvironment} environment; the demo sign-in must never run in production.");
        }

        return new SymmetricSecurityKey(new CallerTokenOptions { SigningKey = options.DemoSigningKey }.KeyBytes());
    }
}
