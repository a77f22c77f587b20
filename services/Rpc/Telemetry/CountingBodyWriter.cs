using System.IO.Pipelines;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>The response body writer of one call, passing every written byte through a <see cref="MessageCounter"/>.</summary>
internal sealed class CountingBodyWriter(PipeWriter inner, MessageCounter counter) : PipeWriter
{
    // The buffer last handed out: Advance says how much of it was written.
    private Memory<byte> lastBuffer;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => lastBuffer = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        counter.Feed(lastBuffer.Span[..bytes]);
        lastBuffer = lastBuffer[bytes..];
        inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}
