using System.Globalization;
using System.Threading.RateLimiting;
using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Forwarding;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.RateLimiting;

namespace CapacityHub.Gateway.Limits;

/// <summary>
/// Rate limits per signed-in user and per organisation (ASP.NET Core's rate limiter, two chained token
/// buckets). Anonymous requests are not limited here: they carry no user and are refused cheaply by
/// authentication. gRPC callers get RESOURCE_EXHAUSTED with a google.rpc.RetryInfo; HTTP callers 429.
/// Both get Retry-After.
/// </summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        var limits = GatewayLimitsOptions.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                ByUser(limits.PerUser, new CallerClaims(OptionsOf(builder))),
                ByOrganisation(limits.PerOrganisation, new CallerClaims(OptionsOf(builder))));
            options.OnRejected = OnRejectedAsync;
        });
        return builder;
    }

    private static GatewayAuthenticationOptions OptionsOf(WebApplicationBuilder builder) =>
        builder.Configuration.GetSection(GatewayAuthenticationOptions.Section).Get<GatewayAuthenticationOptions>() ?? new GatewayAuthenticationOptions();

    private static PartitionedRateLimiter<HttpContext> ByUser(GatewayLimitsOptions.BucketOptions bucket, CallerClaims claims) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            claims.FromPrincipal(context.User) is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter("user:" + caller.Subject, _ => Bucket(bucket))
                : RateLimitPartition.GetNoLimiter(""));

    private static PartitionedRateLimiter<HttpContext> ByOrganisation(GatewayLimitsOptions.BucketOptions bucket, CallerClaims claims) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            claims.FromPrincipal(context.User) is { OrganisationId: { Length: > 0 } organisation }
                ? RateLimitPartition.GetTokenBucketLimiter("organisation:" + organisation, _ => Bucket(bucket))
                : RateLimitPartition.GetNoLimiter(""));

    private static TokenBucketRateLimiterOptions Bucket(GatewayLimitsOptions.BucketOptions bucket) => new()
    {
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerPeriod,
        ReplenishmentPeriod = bucket.ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!StatusAnswer.IsGrpc(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return ValueTask.CompletedTask;
        }

        var message = $"Rate limit exceeded for your user or organisation; retry after {seconds} s.";
        var details = new Google.Rpc.Status { Code = (int)StatusCode.ResourceExhausted, Message = message };
        details.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
        StatusAnswer.Write(http, details.ToRpcException());
        return ValueTask.CompletedTask;
    }
}
