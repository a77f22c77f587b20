using System.Text;

namespace CapacityHub.Observability.Tests.Otlp;

/// <summary>Renders one trace as an indented tree: what an operator would see in Jaeger.</summary>
public static class SpanTree
{
    public static string Render(IEnumerable<ReceivedSpan> trace)
    {
        var spans = trace.ToList();
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.ToLookup(s => s.ParentSpanId is { } p && ids.Contains(p) ? p : null);
        var text = new StringBuilder();
        foreach (var root in children[null].OrderBy(s => s.Span.StartTimeUnixNano))
        {
            Append(root, 0);
        }

        return text.ToString();

        void Append(ReceivedSpan span, int depth)
        {
            var durationMs = (span.Span.EndTimeUnixNano - span.Span.StartTimeUnixNano) / 1_000_000.0;
            var status = span.Attribute("rpc.grpc.status_code") is { } code ? $" grpc={code}" : "";
            text.Append(' ', depth * 2)
                .Append(span.ServiceName).Append(" | ")
                .Append(span.Span.Kind.ToString().Replace("SpanKind", "", StringComparison.Ordinal)).Append(" | ")
                .Append(span.Span.Name)
                .Append(status)
                .Append(System.Globalization.CultureInfo.InvariantCulture, $" ({durationMs:0.0} ms)")
                .AppendLine();
            foreach (var child in children[span.SpanId].OrderBy(s => s.Span.StartTimeUnixNano))
            {
                Append(child, depth + 1);
            }
        }
    }
}
