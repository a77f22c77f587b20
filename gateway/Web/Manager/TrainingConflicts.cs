using CapacityHub.Gateway.Web.Shell;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.V1;
using Grpc.Core;
using CapacityHub.Gateway.Localisation;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>The live clash warnings of the add-a-day form (app.js posts the form as it is typed).</summary>
public static class TrainingConflicts
{
    /// <summary>For the live warnings: the clashes the day being typed would cause, as JSON; never an error status for a clash.</summary>
    public static async Task<IResult> ConflictsAsync(WebRequest request, string id, IFormCollection form)
    {
        var training = await ManagedProgrammes.TrainingAsync(request, id);
        var day = TrainingForms.SessionDay(form, partial: true);
        if (day is null)
        {
            return Results.Json(new { conflicts = Array.Empty<string>() });
        }

        try
        {
            var check = new CheckConflictsRequest { Training = training.Name, TrainingTitle = training.Title, ViewerTimeZone = request.Zone.Id };
            check.SessionDays.Add(day);
            var response = await request.Services.TrainingClient.CheckConflictsAsync(check, new CallOptions(cancellationToken: request.Aborted));
            var text = new ConflictText(request.Http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>(), request.Zone.Zone);
            return Results.Json(new { conflicts = response.Conflicts.Select(text.Describe).ToArray() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // Half-typed input: say what is wrong without alarming anyone.
            var violations = e.FieldViolations();
            return Results.Json(new { conflicts = Array.Empty<string>(), error = violations.Count > 0 ? string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}")) : e.Detail });
        }
    }
}
