using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Gateway.Localisation;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

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

    /// <summary>The interface text in the reader's language; the key is the English text.</summary>
    [Inject] protected IStringLocalizer<UiText> L { get; set; } = null!;

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
            Fail(PageProblems.SignInFirst(L));
            return;
        }

        if (!Roles.Contains(request.Caller.Role))
        {
            Fail(PageProblems.NotForRole(L, Roles, request.Caller.Role));
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
            Fail(PageProblems.BadFilter(L, e));
        }
        catch (RpcException e) when (!Aborted.IsCancellationRequested)
        {
            if (e.StatusCode == StatusCode.Unavailable && !Http.Response.HasStarted)
            {
                Http.Response.Headers.RetryAfter = Rest.RestErrors.RetryAfterSeconds;
            }

            Fail(PageProblems.FromService(L, e));
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
