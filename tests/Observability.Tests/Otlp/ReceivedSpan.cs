namespace CapacityHub.Observability.Tests.Otlp;

/// <summary>A span as exported over OTLP, with the service that sent it and that process's resource.</summary>
public sealed record ReceivedSpan(string ServiceName, Span Span, Resource? Resource = null)
{
    public string? ResourceAttribute(string key) => Resource?.Attributes.FirstOrDefault(a => a.Key == key)?.Value.Render();

    public string TraceId => Convert.ToHexStringLower(Span.TraceId.Span);

    public string SpanId => Convert.ToHexStringLower(Span.SpanId.Span);

    public string? ParentSpanId => Span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(Span.ParentSpanId.Span);

    public string? Attribute(string key) => Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value.Render();
}

/// <summary>A metric data point as exported over OTLP, with the service that sent it.</summary>
public sealed record ReceivedMetric(string ServiceName, Metric Metric);

internal static class AnyValueRendering
{
    public static string Render(this AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string? ServiceName(this Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.Render();
}
