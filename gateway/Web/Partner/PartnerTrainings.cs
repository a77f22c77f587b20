using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Shell;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>What a partner agency may see of trainings and nominations: trainings open to it, its own people only.</summary>
public static class PartnerTrainings
{
    public static async Task<IReadOnlyList<Training>> OpenToUsAsync(WebRequest request)
    {
        var result = new List<Training>();
        var token = "";
        do
        {
            var page = await PageAsync(request, "", token, 500);
            result.AddRange(page.Trainings);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return result;
    }

    /// <summary>One page of the trainings open to the partner's country that match a search (title, venue, city, topics).</summary>
    public static Task<ListTrainingsResponse> SearchAsync(WebRequest request, string query, string pageToken) =>
        PageAsync(request, query, pageToken, 50);

    private static async Task<ListTrainingsResponse> PageAsync(WebRequest request, string query, string pageToken, int size) =>
        await request.Services.TrainingClient.ListTrainingsAsync(new ListTrainingsRequest
        {
            OpenToCountry = request.Caller.CountryCode ?? "",
            Query = query,
            PageSize = size,
            PageToken = pageToken,
        }, new CallOptions(cancellationToken: request.Aborted));

    public static async Task<IReadOnlyList<Nomination>> OursAsync(WebRequest request, string parent = "trainings/-")
    {
        var result = new List<Nomination>();
        var token = "";
        do
        {
            var page = await request.Services.NominationClient.ListNominationsAsync(new ListNominationsRequest
            {
                Parent = parent,
                NominatingOrganisation = request.Organisation ?? "",
                PageSize = 500,
                PageToken = token,
            }, new CallOptions(cancellationToken: request.Aborted));
            result.AddRange(page.Nominations);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return result;
    }

    public static Task<Training> TrainingAsync(WebRequest request, string id) =>
        request.Services.TrainingClient.GetTrainingAsync(new GetTrainingRequest { Name = $"trainings/{id}" }, new CallOptions(cancellationToken: request.Aborted)).ResponseAsync;

    /// <summary>What the Trainings service says is left of the quotas that apply to this partner, e.g. "TH: 0 of 3 (used up)".</summary>
    public static string QuotaText(Training t, IStringLocalizer<UiText> l) => t.QuotasLeft.Count == 0 ? l["no quota"] :
        string.Join("; ", t.QuotasLeft.Select(q =>
            (q.Left == 0 ? l["{0}: {1} of {2} (used up)", QuotaHolder(q, l), q.Left, q.Seats] : l["{0}: {1} of {2}", QuotaHolder(q, l), q.Left, q.Seats]).Value));

    private static string QuotaHolder(QuotaLeft q, IStringLocalizer<UiText> l) => q.Scope == QuotaScope.Country ? q.Key : l["your organisation"];
}
