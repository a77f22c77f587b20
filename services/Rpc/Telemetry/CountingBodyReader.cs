using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>The request body of one call, passing what the handler consumes through a <see cref="MessageCounter"/>.</summary>
internal sealed class CountingBodyReader(PipeReader inner, MessageCounter counter) : PipeReader, IRequestBodyPipeFeature
{
    private ReadOnlySequence<byte> lastRead;

    public PipeReader Reader => this;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var pending = inner.ReadAsync(cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return Remember(pending);
        }

        var result = pending.Result;
        lastRead = result.Buffer;
        return new ValueTask<ReadResult>(result);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }

        lastRead = result.Buffer;
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        // Counted before the inner reader may release the buffers.
        if (!lastRead.IsEmpty)
        {
            counter.Feed(lastRead.Slice(lastRead.Start, consumed));
        }

        lastRead = default;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    private async ValueTask<ReadResult> Remember(ValueTask<ReadResult> pending)
    {
        var result = await pending.ConfigureAwait(false);
        lastRead = result.Buffer;
        return result;
    }
}
