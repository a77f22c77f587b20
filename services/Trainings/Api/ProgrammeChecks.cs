using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Validation;
using NodaTime;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// What Trainings asks the Programmes service before it writes. Every failure to get an answer becomes
/// UNAVAILABLE saying nothing was saved, so the caller knows a retry (same request id) is safe.
/// </summary>
public sealed class ProgrammeChecks(ProgrammeService.ProgrammeServiceClient programmes)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task EnsureExistsAsync(string programme, CancellationToken ct) =>
        await Call(() => programmes.GetProgrammeAsync(new GetProgrammeRequest { Name = programme }, Options(ct)).ResponseAsync, programme, "check the programme exists");

    public Task<CheckTrainingWindowResponse> WindowAsync(string programme, LocalDate first, LocalDate last, IEnumerable<string> organisations, string purpose, CancellationToken ct) =>
        Call(() => programmes.CheckTrainingWindowAsync(new CheckTrainingWindowRequest
        {
            Programme = programme,
            TrainingDates = new Common.V1.DateRange { StartDate = first.ToDateOnly().ToProto(), EndDate = last.ToDateOnly().ToProto() },
            Organisations = { organisations },
        }, Options(ct)).ResponseAsync, programme, purpose);

    /// <summary>FAILED_PRECONDITION with Programmes' own words when the dates or status do not allow it.</summary>
    public static void RequireAllowed(CheckTrainingWindowResponse window)
    {
        if (!window.Allowed)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, string.Join(" ", window.Problems)));
        }
    }

    public static Domain.Scheduling.ProgrammePeriod PeriodOf(CheckTrainingWindowResponse window) => new(
        LocalDate.FromDateOnly(window.ProgrammePeriod.StartDate.ToDateOnly()),
        LocalDate.FromDateOnly(window.ProgrammePeriod.EndDate.ToDateOnly()),
        window.InImplementation);

    private static CallOptions Options(CancellationToken ct) => new CallOptions(deadline: DateTime.UtcNow + Timeout, cancellationToken: ct);

    private static async Task<T> Call<T>(Func<Task<T>> call, string programme, string purpose)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Programme {programme} does not exist in the Programmes service."));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The Programmes service cannot be reached to {purpose} ({e.StatusCode}); nothing was saved. Retry with the same request_id shortly."));
        }
    }
}
