using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Components;

/// <summary>
/// The refusals every page and web endpoint shares, in the reader's language, so a component page and a
/// minimal-API page answer the same caller with the same words and status.
/// </summary>
public static class PageProblems
{
    public static PageProblem SignInFirst(IStringLocalizer<UiText> l) =>
        new(StatusCodes.Status401Unauthorized, l["Sign in first"], l["This page is for signed-in users. Sign in and come back."], "/", l["Sign in"]);

    public static PageProblem NotForRole(IStringLocalizer<UiText> l, IEnumerable<CallerRole> allowed, CallerRole role) =>
        new(StatusCodes.Status403Forbidden, l["Not for your role"],
            l["This page is for {0} users; you are signed in as {1}.", string.Join(" / ", allowed.Select(r => l[Formats.Words(r)].Value)), l[Formats.Words(role)]],
            WebNavigation.HomeOf(role), l["Go to your start page"]);

    public static PageProblem BadFilter(IStringLocalizer<UiText> l, BadQueryParameterException e) =>
        new(StatusCodes.Status400BadRequest, l["Unknown filter value"], e.Message);

    /// <summary>A service's refusal; its message stays the service's own, which names the field or rule.</summary>
    public static PageProblem FromService(IStringLocalizer<UiText> l, RpcException e) =>
        new(ServiceErrors.HttpStatus(e), e.StatusCode == StatusCode.PermissionDenied ? l["Not allowed"] : l["Could not load this page"], ServiceErrors.Describe(e, l));

    public static PageProblem FormExpired(IStringLocalizer<UiText> l) =>
        new(StatusCodes.Status400BadRequest, l["Form expired"],
            l["This form could not be accepted: its security token is missing or has expired. Go back, reload the page and submit again."]);

    public static PageProblem TooLarge(IStringLocalizer<UiText> l, long limitBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, l["Too large to send"],
            l["This form is larger than the {0} MiB the gateway accepts. Send a smaller file or split it.", limitBytes / (1024 * 1024)]);
}
