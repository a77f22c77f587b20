using System.Globalization;
using CapacityHub.Gateway.Backends;
using CapacityHub.Gateway.Rest;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Exports.Certificates;

/// <summary>
/// A participant's certificate as a PDF, for whoever may read the nomination (its nominating partner, the
/// programme's managers): the nomination, training, organisation and programme are read as the caller, so
/// the services' own access rules decide.
/// </summary>
public static class CertificateExport
{
    public static async Task WriteAsync(HttpContext context)
    {
        var backends = context.RequestServices.GetRequiredService<ServiceBackends>();
        var options = RestAccess.CallOptionsFor(context);
        var routes = context.Request.RouteValues;
        var trainingName = $"trainings/{routes["training"]}";
        var name = $"{trainingName}/nominations/{routes["nomination"]}";
        var nomination = await backends.NominationClient.GetNominationAsync(new GetNominationRequest { Name = name }, options);
        if (nomination.Learning?.Certificate is not { Number.Length: > 0 } certificate)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"No certificate has been issued for {name}: the participant must complete the training, then a manager issues it."));
        }

        var training = await backends.TrainingClient.GetTrainingAsync(new GetTrainingRequest { Name = trainingName }, options);
        var employer = nomination.Participant.Organisation.Length > 0 ? nomination.Participant.Organisation : nomination.NominatingOrganisation;
        var organisation = await backends.PartnerClient.GetOrganisationAsync(new GetOrganisationRequest { Name = employer }, options);
        var programme = await backends.ProgrammeClient.GetProgrammeAsync(new GetProgrammeRequest { Name = training.Programme }, options);
        var pdf = CertificatePdf.Render(new CertificateContent(
            nomination.Participant.DisplayName,
            organisation.DisplayName.Length > 0 ? organisation.DisplayName : organisation.Name,
            training.Title,
            DatesOf(training),
            VenueOf(training.Venue),
            programme.Title,
            certificate.Number,
            Day(DateOnly.FromDateTime(certificate.IssueTime.ToDateTime()))));
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"certificate-{SafeFileName(certificate.Number)}.pdf\"";
        await context.Response.Body.WriteAsync(pdf, context.RequestAborted);
    }

    private static string DatesOf(Training training)
    {
        var days = training.SessionDays.Select(d => new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day)).Order().ToList();
        return days.Count switch
        {
            0 => "",
            _ when days[0] == days[^1] => Day(days[0]),
            _ => $"{Day(days[0])} – {Day(days[^1])}",
        };
    }

    private static string VenueOf(Venue? venue) =>
        venue is null ? "" : string.Join(", ", new[] { venue.DisplayName, venue.City }.Where(p => p.Length > 0));

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string SafeFileName(string number) => new([.. number.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
}
