using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace CapacityHub.Gateway.Web.Components;

/// <summary>
/// A page of one kind of user. The role gate runs before any service is asked, and before a streamed
/// page sends its first bytes, so a refusal keeps its HTTP status and never shows data. A service
/// refusal while loading becomes a readable page with the matching status.
/// </summary>
public abstract class WebPage : ComponentBase
{
    protected static readonly CallerRole[] Managers = [CallerRole.ProgrammeManager, CallerRole.Administrator];
    protected static readonly CallerRole[] Partners = [CallerRole.PartnerAgency];
    protected static readonly CallerRole[] Funders = [CallerRole.Funder];

    [CascadingParameter] public HttpContext Http { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>Set once the gate has let the caller in; pages read it only when <see cref="Problem"/> is null.</summary>
    protected WebRequest Request { get; private set; } = null!;

    protected PageProblem? Problem { get; private set; }

    protected abstract IReadOnlyList<CallerRole> Roles { get; }

    protected CancellationToken Aborted => Http.RequestAborted;

    protected sealed override async Task OnInitializedAsync()
    {
        var request = WebRequest.For(Http);
        if (request is null)
        {
            Fail(new PageProblem(StatusCodes.Status401Unauthorized, "Sign in first", "This page is for signed-in users. Sign in and come back.", "/", "Sign in"));
            return;
        }

        if (!Roles.Contains(request.Caller.Role))
        {
            Fail(new PageProblem(StatusCodes.Status403Forbidden, "Not for your role",
                $"This page is for {string.Join(" and ", Roles.Select(r => Formats.Words(r)))} users; you are signed in as {Formats.Words(request.Caller.Role)}.",
                WebNavigation.HomeOf(request.Caller.Role), "Go to your start page"));
            return;
        }

        Request = request;
        await GuardAsync(async () =>
        {
            // Every page shows times in the viewer's zone somewhere: an unknown ?tz= is refused on all of them.
            _ = request.Zone;
            await LoadAsync();
        });
    }

    /// <summary>Reads what the page shows; runs only for callers the gate let in.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Runs a load or a form action, turning a bad filter or a service refusal into the page's problem.</summary>
    protected async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (BadQueryParameterException e)
        {
            Fail(new PageProblem(StatusCodes.Status400BadRequest, "Unknown filter value", e.Message));
        }
        catch (RpcException e) when (!Aborted.IsCancellationRequested)
        {
            if (e.StatusCode == StatusCode.Unavailable && !Http.Response.HasStarted)
            {
                Http.Response.Headers.RetryAfter = Rest.RestErrors.RetryAfterSeconds;
            }

            Fail(new PageProblem(ServiceErrors.HttpStatus(e), e.StatusCode == StatusCode.PermissionDenied ? "Not allowed" : "Could not load this page", ServiceErrors.Describe(e)));
        }
    }

    protected void Fail(PageProblem problem)
    {
        Problem = problem;
        SetStatus(problem.Status);
    }

    /// <summary>Only possible until a streamed page has sent its first part.</summary>
    protected void SetStatus(int status)
    {
        if (!Http.Response.HasStarted)
        {
            Http.Response.StatusCode = status;
        }
    }

    protected string Query(string key) => Http.Request.Query[key].ToString().Trim();

    /// <summary>After a form succeeded: a redirect, so reloading the page never sends the form again.</summary>
    protected void Redirect(string url) => Navigation.NavigateTo(url);
}
