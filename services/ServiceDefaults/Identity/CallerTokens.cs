using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>Writes and reads the signed caller tokens that carry a <see cref="CallerIdentity"/>.</summary>
public sealed class CallerTokens(CallerTokenOptions options, TimeProvider time)
{
    private const string RoleClaim = "role";
    private const string OrganisationClaim = "org";
    private const string CountryClaim = "country";
    private const string ProgrammeClaim = "programme";
    private const string NameClaim = "name";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey key = new(options.KeyBytes());

    public string Issue(CallerIdentity caller)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = caller.Subject,
            [NameClaim] = caller.DisplayName,
            [RoleClaim] = caller.Role.ToString(),
            [ProgrammeClaim] = caller.ProgrammeIds.ToArray(),
        };
        if (caller.OrganisationId is not null)
        {
            claims[OrganisationClaim] = caller.OrganisationId;
        }

        if (caller.CountryCode is not null)
        {
            claims[CountryClaim] = caller.CountryCode;
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = CallerTokenOptions.Issuer,
            Audience = CallerTokenOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Validates signature, issuer, audience and lifetime; null when the token is not good.</summary>
    public async Task<CallerIdentity?> ValidateAsync(string token)
    {
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = CallerTokenOptions.Issuer,
            ValidAudience = CallerTokenOptions.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return notBefore <= now.AddSeconds(30) && expires > now.AddSeconds(-30);
            },
        });
        if (!result.IsValid)
        {
            return null;
        }

        var identity = result.ClaimsIdentity;
        if (!Enum.TryParse<CallerRole>(identity.FindFirst(RoleClaim)?.Value, out var role))
        {
            return null;
        }

        return new CallerIdentity(
            Subject: identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? identity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
            DisplayName: identity.FindFirst(NameClaim)?.Value ?? "",
            Role: role,
            OrganisationId: identity.FindFirst(OrganisationClaim)?.Value,
            CountryCode: identity.FindFirst(CountryClaim)?.Value?.ToUpper(CultureInfo.InvariantCulture),
            ProgrammeIds: identity.FindAll(ProgrammeClaim).Select(c => c.Value).ToArray());
    }
}
