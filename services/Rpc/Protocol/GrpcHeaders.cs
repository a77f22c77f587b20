namespace CapacityHub.Rpc.Protocol;

/// <summary>Header names and values of the gRPC over HTTP/2 protocol.</summary>
public static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Te = "te";
    public const string UserAgent = "user-agent";
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    /// <summary>What we can decode, advertised in grpc-accept-encoding.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>True for "application/grpc", "application/grpc+proto" and "application/grpc;..." forms.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        var next = contentType[ContentType.Length];
        if (next == ';')
        {
            return true;
        }

        if (next != '+')
        {
            return false;
        }

        var subtype = contentType.AsSpan(ContentType.Length + 1);
        var semicolon = subtype.IndexOf(';');
        if (semicolon >= 0)
        {
            subtype = subtype[..semicolon];
        }

        return subtype.Trim().Equals("proto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Headers that belong to HTTP/2 or the gRPC protocol itself, never exposed as metadata.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals(Te, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || name.Equals("upgrade", StringComparison.OrdinalIgnoreCase);
}
