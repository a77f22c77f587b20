using System.Security.Claims;
using CapacityHub.Gateway.Backends;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CapacityHub.Gateway.Authentication;

/// <summary>
/// Which programmes a signed-in manager manages is the Programmes service's record (each programme's managers
/// list, the creator among them), not whatever the identity provider's token says. Once a manager's token is
/// validated, its programme claims are replaced with the programmes that record names it in, so the gateway's
/// pages and dashboard, and every caller token minted from the user (services authorise on it again), give the
/// same answer as Programmes itself. One ListProgrammes call per manager request keeps a programme created a
/// moment ago manageable at once.
/// </summary>
public sealed class ManagedProgrammeClaims(CallerClaims claims, CallerTokens tokens, GatewayAuthenticationOptions options, ILogger<ManagedProgrammeClaims> log)
{
    public async Task ApplyAsync(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || claims.FromPrincipal(context.Principal) is not { Role: CallerRole.ProgrammeManager } caller)
        {
            return;
        }

        foreach (var claim in identity.FindAll(options.ProgrammeClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        var backends = context.HttpContext.RequestServices.GetRequiredService<ServiceBackends>();
        try
        {
            foreach (var programme in await ManagedByAsync(backends.ProgrammeClient, caller with { ProgrammeIds = [] }, context.HttpContext.RequestAborted))
            {
                identity.AddClaim(new Claim(options.ProgrammeClaim, programme));
            }
        }
        catch (RpcException e)
        {
            // Without the record the manager manages nothing for this request: refusing is safer than trusting the token.
            log.LogWarning("Could not ask the Programmes service which programmes {Subject} manages ({Status}); none granted for this request.", caller.Subject, e.StatusCode);
        }
    }

    private async Task<IReadOnlyList<string>> ManagedByAsync(ProgrammeService.ProgrammeServiceClient programmes, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var request = new ListProgrammesRequest { Manager = caller.Subject, PageSize = 1000 };
        var ids = new List<string>();
        do
        {
            var headers = new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } };
            var page = await programmes.ListProgrammesAsync(request, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10), cancellationToken));
            ids.AddRange(page.Programmes.Select(p => p.Name["programmes/".Length..]));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return ids;
    }
}
