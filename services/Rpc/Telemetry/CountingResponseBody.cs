using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CapacityHub.Rpc.Telemetry;

/// <summary>The response body feature of one call with its writer counted; everything else goes to Kestrel's own.</summary>
internal sealed class CountingResponseBody(IHttpResponseBodyFeature inner, MessageCounter counter) : IHttpResponseBodyFeature
{
    private CountingBodyWriter? writer;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => writer ??= new CountingBodyWriter(inner.Writer, counter);

    public Task CompleteAsync() => inner.CompleteAsync();

    public void DisableBuffering() => inner.DisableBuffering();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
}
