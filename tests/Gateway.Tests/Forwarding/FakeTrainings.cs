using System.Collections.Concurrent;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>What the fake service saw of each forwarded call.</summary>
public sealed record SeenCall(string Method, Metadata Headers, DateTime Deadline);

/// <summary>Records calls as they reach the service, and signals the ones the tests wait on.</summary>
public sealed class CallLog
{
    public ConcurrentQueue<SeenCall> Calls { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(ServerCallContext context) => Calls.Enqueue(new SeenCall(context.Method, context.RequestHeaders, context.Deadline));
}

/// <summary>
/// A stand-in Trainings service on the real CapacityHub.Rpc server: answers GetTraining with what it
/// was sent, fails CreateTraining with field violations, holds ListTrainings open until cancelled.
/// </summary>
public sealed class FakeTrainings(CallLog log) : TrainingService.TrainingServiceBase
{
    public override Task<Training> GetTraining(GetTrainingRequest request, ServerCallContext context)
    {
        log.Record(context);
        context.ResponseTrailers.Add("x-served-by", "fake-trainings");
        return Task.FromResult(new Training { Name = request.Name, Title = $"echo {request.Name.Length}" });
    }

    public override Task<Training> CreateTraining(CreateTrainingRequest request, ServerCallContext context)
    {
        log.Record(context);
        throw RpcException.InvalidArgument("Invalid training: title is required.", new FieldViolation("training.title", "is required"));
    }

    public override async Task<ListTrainingsResponse> ListTrainings(ListTrainingsRequest request, ServerCallContext context)
    {
        log.Record(context);
        log.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.Cancelled.TrySetResult();
            throw;
        }

        return new ListTrainingsResponse();
    }
}

/// <summary>Streams three impact snapshots, then ends with a custom trailer.</summary>
public sealed class FakeImpact(CallLog log) : ImpactService.ImpactServiceBase
{
    public override async Task WatchImpactMetrics(GetImpactMetricsRequest request, IServerStreamWriter<ImpactMetrics> responseStream, ServerCallContext context)
    {
        log.Record(context);
        // "programmes/quiet" asks for a watch that stays silent between snapshots, as a real one does.
        var pause = request.Programmes.Contains("programmes/quiet") ? TimeSpan.FromSeconds(2) : TimeSpan.Zero;
        for (var i = 1; i <= 3; i++)
        {
            if (i > 1 && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, context.CancellationToken);
            }

            await responseStream.WriteAsync(new ImpactMetrics { Countries = i }, context.CancellationToken);
        }

        context.ResponseTrailers.Add("x-snapshots", "3");
    }
}
