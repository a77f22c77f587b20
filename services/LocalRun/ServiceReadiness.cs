namespace CapacityHub.LocalRun;

/// <summary>
/// Waits until a just-started process answers its gRPC health check with SERVING, as a Kubernetes readiness
/// probe would; used for the first start and for every restart, so both mean the same thing by "up".
/// </summary>
public sealed class ServiceReadiness(HealthProbe probe, TimeSpan timeout)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <exception cref="OperationCanceledException">The wait was cancelled, whatever the process did meanwhile.</exception>
    /// <exception cref="InvalidOperationException">The process exited before it served.</exception>
    /// <exception cref="TimeoutException">It did not serve within the timeout.</exception>
    public async Task WaitUntilServingAsync(ServiceProcess process, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                // A Ctrl+C in a terminal reaches the children too, so they may exit because of the very stop
                // that cancelled this wait: that is a stop, not a failed start.
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException(
                    $"{process.Definition.Name} exited with code {await process.Exited} while starting; see {process.LogFile}:\n{LogTail.Read(process.LogFile)}");
            }

            try
            {
                if (await probe.IsServingAsync(process.Definition.GrpcAddress, deadline.Token))
                {
                    return;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{process.Definition.Name} did not report SERVING within {timeout.TotalSeconds:0}s; see {process.LogFile}:\n{LogTail.Read(process.LogFile)}");
            }
        }
    }
}
