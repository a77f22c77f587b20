using Grpc.Core;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// The programmes a manager works on (administrators: all) and their trainings. The Programmes
/// service lists every programme, so the web app narrows the list to the caller's own before showing it.
/// </summary>
public static class ManagedProgrammes
{
    public static bool Manages(WebRequest request, string programme) =>
        request.Caller.IsAdministrator || request.Caller.Manages(programme) || request.Caller.Manages(Formats.Id(programme));

    /// <summary>As the Programmes service decides: also a programme that names the caller among its managers (one they created, say).</summary>
    public static bool Manages(WebRequest request, Programme programme) =>
        Manages(request, programme.Name) || programme.Managers.Contains(request.Caller.Subject);

    /// <summary>One page of the caller's programmes matching a search; the page may hold fewer than asked when others' programmes were on it.</summary>
    public static Task<(IReadOnlyList<Programme> Programmes, string NextPageToken)> SearchAsync(WebRequest request, string query, string pageToken) =>
        PageAsync(request, query, pageToken, 50);

    public static async Task<IReadOnlyList<Programme>> ListAsync(WebRequest request)
    {
        var result = new List<Programme>();
        var token = "";
        do
        {
            var (programmes, next) = await PageAsync(request, "", token, 200);
            result.AddRange(programmes);
            token = next;
        }
        while (token.Length > 0);

        return result;
    }

    private static async Task<(IReadOnlyList<Programme> Programmes, string NextPageToken)> PageAsync(WebRequest request, string query, string pageToken, int size)
    {
        var page = await request.Services.ProgrammeClient.ListProgrammesAsync(
            new ListProgrammesRequest { Query = query, PageSize = size, PageToken = pageToken }, new CallOptions(cancellationToken: request.Aborted));
        return (page.Programmes.Where(p => Manages(request, p)).ToList(), page.NextPageToken);
    }

    public static async Task<IReadOnlyList<Training>> TrainingsAsync(WebRequest request, IEnumerable<string> programmes, TrainingStatus status = TrainingStatus.Unspecified)
    {
        var result = new List<Training>();
        foreach (var programme in programmes)
        {
            var token = "";
            do
            {
                var page = await request.Services.TrainingClient.ListTrainingsAsync(
                    new ListTrainingsRequest { Programme = programme, Status = status, PageSize = 500, PageToken = token }, new CallOptions(cancellationToken: request.Aborted));
                result.AddRange(page.Trainings);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }

        return result;
    }

    public static async Task<Training> TrainingAsync(WebRequest request, string id)
    {
        var training = await request.Services.TrainingClient.GetTrainingAsync(new GetTrainingRequest { Name = $"trainings/{id}" }, new CallOptions(cancellationToken: request.Aborted));
        if (!Manages(request, training.Programme))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"you do not manage {training.Programme}, the programme of this training"));
        }

        return training;
    }
}
