using System.Text;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Rest;
using CapacityHub.Gateway.V1;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// GET /api/v1/programmes/{programme}:exportIati (IATI 2.03 XML) and
/// GET /api/v1/trainings/{training}:exportCalendar (iCalendar) and
/// GET /api/v1/trainings/{training}/nominations/{nomination}:certificate (PDF). CSV of every list is on the list routes.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        var getProgramme = RestAccess.MethodName(ProgrammeService.Descriptor, "GetProgramme");
        var getTraining = RestAccess.MethodName(TrainingService.Descriptor, "GetTraining");
        endpoints.MapGet("/api/v1/programmes/{programme}:exportIati", (string programme, HttpContext context) => Guarded(context, getProgramme, IatiAsync))
            .WithName("ExportIatiActivity").WithSummary("IATI 2.03 activity XML with results computed from the impact metrics")
            .WithTags("Exports").Produces(StatusCodes.Status200OK, contentType: "application/xml");
        endpoints.MapGet("/api/v1/trainings/{training}:exportCalendar", (string training, HttpContext context) => Guarded(context, getTraining, CalendarAsync))
            .WithName("ExportTrainingCalendar").WithSummary("iCalendar (RFC 5545) of the training's session days")
            .WithTags("Exports").Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        var getNomination = RestAccess.MethodName(NominationService.Descriptor, "GetNomination");
        endpoints.MapGet("/api/v1/trainings/{training}/nominations/{nomination}:certificate",
            (string training, string nomination, HttpContext context) => Guarded(context, getNomination, Certificates.CertificateExport.WriteAsync))
            .WithName("DownloadCertificate").WithSummary("The participant's certificate of completion as a PDF (issued certificates only)")
            .WithTags("Exports").Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return endpoints;
    }

    private static async Task IatiAsync(HttpContext context)
    {
        var backends = context.RequestServices.GetRequiredService<ServiceBackends>();
        var options = RestAccess.CallOptionsFor(context);
        var name = $"programmes/{context.Request.RouteValues["programme"]}";
        var programme = await backends.ProgrammeClient.GetProgrammeAsync(new GetProgrammeRequest { Name = name }, options);
        var batch = new BatchGetOrganisationsRequest { AllowMissing = true };
        batch.Names.AddRange(programme.ParticipatingOrganisations.Select(o => o.Organisation).Distinct());
        var organisations = batch.Names.Count == 0
            ? []
            : (await backends.PartnerClient.BatchGetOrganisationsAsync(batch, options)).Organisations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        // IATI XML is published for anyone to read: its computed actuals are always the funder view
        // (disclosure-controlled), whoever exports it.
        var request = new GetImpactDashboardRequest { FunderView = true };
        request.Programmes.Add(name);
        var dashboard = await context.RequestServices.GetRequiredService<Dashboard.ImpactDashboard>().GetAsync(request, context.RequestAborted);
        var xml = IatiActivityXml.Build(programme, organisations, dashboard.Programmes.FirstOrDefault(p => p.Programme == name), DateTimeOffset.UtcNow);
        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{programme.Code}-iati.xml\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await xml.SaveAsync(writer, System.Xml.Linq.SaveOptions.None, context.RequestAborted);
    }

    private static async Task CalendarAsync(HttpContext context)
    {
        var backends = context.RequestServices.GetRequiredService<ServiceBackends>();
        var training = await backends.TrainingClient.GetTrainingAsync(
            new GetTrainingRequest { Name = $"trainings/{context.Request.RouteValues["training"]}" }, RestAccess.CallOptionsFor(context));
        context.Response.ContentType = "text/calendar; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"training.ics\"";
        await context.Response.WriteAsync(TrainingCalendar.Build(training, DateTimeOffset.UtcNow), context.RequestAborted);
    }

    private static async Task Guarded(HttpContext context, string rpcMethod, Func<HttpContext, Task> export)
    {
        try
        {
            await RestAccess.AuthoriseAsync(context, rpcMethod);
            await export(context);
        }
        catch (RpcException e)
        {
            await RestErrors.WriteAsync(context, e);
        }
    }
}
