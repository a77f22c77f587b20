using System.Globalization;

namespace CapacityHub.Rpc.Protocol;

/// <summary>Converts a call's status and metadata to and from HTTP/2 header fields.</summary>
public static class StatusTrailers
{
    /// <summary>The grpc-status, grpc-message and grpc-status-details-bin fields for a status.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToHeaders(RpcStatus status)
    {
        yield return new(GrpcHeaders.Status, StatusValue(status.StatusCode));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            yield return new(GrpcHeaders.Message, PercentEncoding.Encode(status.Detail));
        }

        if (status.Details is not null)
        {
            yield return new(GrpcHeaders.StatusDetails, BinaryHeader.Encode(Google.Protobuf.MessageExtensions.ToByteArray(status.Details)));
        }
    }

    /// <summary>Metadata as header fields: text as is, "-bin" values base64 without padding.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToHeaders(Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            yield return new(entry.Key, entry.IsBinary ? BinaryHeader.Encode(entry.ValueBytes) : entry.Value!);
        }
    }

    /// <summary>
    /// Reads the status from trailers (or headers of a trailers-only response) through a lookup.
    /// A missing or unparseable grpc-status is reported as the protocol asks: UNKNOWN / INTERNAL.
    /// </summary>
    public static RpcStatus FromHeaders(Func<string, string?> lookup)
    {
        var statusText = lookup(GrpcHeaders.Status);
        if (statusText is null)
        {
            return new RpcStatus(StatusCode.Unknown, "No grpc-status found in the response.");
        }

        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new RpcStatus(StatusCode.Unknown, $"Unparseable grpc-status '{statusText}'.");
        }

        var message = lookup(GrpcHeaders.Message);
        var detail = message is null ? string.Empty : PercentEncoding.Decode(message);
        Google.Rpc.Status? details = null;
        var detailsText = lookup(GrpcHeaders.StatusDetails);
        if (detailsText is not null && BinaryHeader.TryDecode(detailsText, out var bytes))
        {
            try
            {
                details = Google.Rpc.Status.Parser.ParseFrom(bytes);
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
                details = null;
            }
        }

        return new RpcStatus((StatusCode)code, detail, details);
    }

    /// <summary>Adds one received header to metadata unless it is reserved; bad base64 is skipped.</summary>
    public static void AddToMetadata(Metadata metadata, string name, string value)
    {
        if (GrpcHeaders.IsReserved(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        if (Metadata.IsBinaryKey(key))
        {
            foreach (var part in value.Split(','))
            {
                if (BinaryHeader.TryDecode(part, out var bytes))
                {
                    metadata.Add(new Metadata.Entry(key, null, bytes));
                }
            }
        }
        else
        {
            metadata.Add(new Metadata.Entry(key, value, null));
        }
    }

    private static string StatusValue(StatusCode code) => ((int)code).ToString(CultureInfo.InvariantCulture);
}
