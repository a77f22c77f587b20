using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>
/// CSV uploads (text/csv body or a multipart "file" part) for a training:
/// POST /api/v1/trainings/{training}/nominations:import, .../attendance:import, .../assessments:import.
/// Each answers 200 with the nominations written, or the error body with every row error and nothing applied.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapCsvImports(this IEndpointRouteBuilder endpoints)
    {
        const string training = "/api/v1/trainings/{training}";
        var nominate = RestAccess.MethodName(NominationService.Descriptor, "Nominate");
        var attendance = RestAccess.MethodName(NominationService.Descriptor, "BatchRecordAttendance");
        var assessments = RestAccess.MethodName(NominationService.Descriptor, "BatchRecordAssessments");
        endpoints.MapPost(training + "/nominations:import", (string training, HttpContext context) => HandleAsync(context, nominate, async (caller, name, table, options) =>
                await new NominationImport(context.RequestServices.GetRequiredService<ServiceBackends>())
                    .ImportAsync(caller, name, table, ImportId(context), options)))
            .Described("ImportNominations", "CSV nominations: every row checked first, per-row errors, nothing applied when any row is bad");
        endpoints.MapPost(training + "/attendance:import", (string training, HttpContext context) => HandleAsync(context, attendance, async (_, name, table, options) =>
                await new LearningImport(context.RequestServices.GetRequiredService<ServiceBackends>()).ImportAttendanceAsync(name, table, options)))
            .Described("ImportAttendance", "CSV attendance (one transactional BatchRecordAttendance)");
        endpoints.MapPost(training + "/assessments:import", (string training, HttpContext context) => HandleAsync(context, assessments, async (_, name, table, options) =>
                await new LearningImport(context.RequestServices.GetRequiredService<ServiceBackends>()).ImportAssessmentsAsync(name, table, options)))
            .Described("ImportAssessments", "CSV assessment scores (one transactional BatchRecordAssessments)");
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context, string rpcMethod,
        Func<ServiceDefaults.Identity.CallerIdentity, string, CsvTable, CallOptions, Task<IReadOnlyList<Nomination>>> import)
    {
        try
        {
            var caller = await RestAccess.AuthoriseAsync(context, rpcMethod);
            var table = await CsvTable.ReadAsync(context.Request, context.RequestAborted);
            var name = $"trainings/{context.Request.RouteValues["training"]}";
            var nominations = await import(caller, name, table, RestAccess.CallOptionsFor(context));
            context.Response.ContentType = "application/json; charset=utf-8";
            var items = string.Join(",", nominations.Select(n => ProtoJson.Formatter.Format(n)));
            await context.Response.WriteAsync($"{{\"imported\":{nominations.Count},\"nominations\":[{items}]}}", context.RequestAborted);
        }
        catch (ImportRejectedException failure)
        {
            await failure.WriteAsync(context);
        }
        catch (RpcException e)
        {
            await RestErrors.WriteAsync(context, e);
        }
    }

    private static RouteHandlerBuilder Described(this RouteHandlerBuilder route, string id, string summary) => route
        .WithName(id).WithSummary(summary).WithTags("Imports")
        .Accepts<string>("text/csv", "multipart/form-data")
        .Produces(StatusCodes.Status200OK, contentType: "application/json");

    /// <summary>The client's "requestId" (so a retried upload nominates nobody twice), else a new one.</summary>
    private static string ImportId(HttpContext context)
    {
        var given = context.Request.Query["requestId"].ToString();
        if (given.Length == 0)
        {
            return Guid.NewGuid().ToString("N");
        }

        return given.Length <= 40 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? given
            : throw RpcException.InvalidArgument("Invalid requestId.", new FieldViolation("requestId", "1 to 40 letters, digits, '-' or '_' (a UUID fits)"));
    }
}
