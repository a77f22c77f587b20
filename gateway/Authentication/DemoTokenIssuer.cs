using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityHub.Gateway.Authentication;

/// <summary>
/// Signs user tokens for the local demo's built-in accounts, so that browsers (in a cookie) and
/// gRPC tools (as a bearer token) authenticate exactly as they would against a real issuer.
/// </summary>
public sealed class DemoTokenIssuer(CallerClaims claims, SymmetricSecurityKey key, TimeProvider time)
{
    public const string Issuer = "capacityhub-local-demo";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(DemoAccount account, string audience)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimSet = new Dictionary<string, object>();
        foreach (var group in claims.ToClaims(account.Identity).GroupBy(c => c.Type))
        {
            claimSet[group.Key] = group.Count() == 1 ? group.First().Value : group.Select(c => c.Value).ToArray();
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claimSet,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
