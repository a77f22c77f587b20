namespace CapacityHub.Observability.Tests.Otlp;

/// <summary>The spans of one trace as received so far, with the lookups the assertions need.</summary>
public sealed class ReceivedTrace(IReadOnlyList<ReceivedSpan> spans)
{
    public IReadOnlyList<ReceivedSpan> Spans => spans;

    public IEnumerable<string> Services => spans.Select(s => s.ServiceName).Distinct();

    public ReceivedSpan? Find(string service, Span.Types.SpanKind kind, Func<ReceivedSpan, bool> match) =>
        spans.FirstOrDefault(s => s.ServiceName == service && s.Span.Kind == kind && match(s));

    public IEnumerable<ReceivedSpan> Where(string service, Span.Types.SpanKind kind, Func<ReceivedSpan, bool> match) =>
        spans.Where(s => s.ServiceName == service && s.Span.Kind == kind && match(s));

    public ReceivedSpan? Parent(ReceivedSpan span) => spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId);

    /// <summary>True when <paramref name="ancestor"/> is on the parent chain of <paramref name="span"/>.</summary>
    public bool Descends(ReceivedSpan span, ReceivedSpan ancestor)
    {
        for (var parent = Parent(span); parent is not null; parent = Parent(parent))
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    public string Render() => SpanTree.Render(spans);
}
