using System.Buffers.Text;
using System.Text.Json;

namespace CapacityHub.Storage;

/// <summary>
/// Keyset position after the last document of a page: its sort value and id, bound to the order it was
/// produced for. Opaque to callers (base64url JSON); any backend can decode it.
/// </summary>
public sealed record ContinuationToken(string? OrderBy, bool Descending, JsonElement SortValue, string Id)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Wire(OrderBy, Descending, SortValue, Id));
        return Base64Url.EncodeToString(json);
    }

    /// <summary>Decodes a token for this order; a token from another order or a forged one is rejected.</summary>
    public static ContinuationToken Decode(string token, string? orderBy, bool descending)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidContinuationTokenException("the token is not one this store issued", e);
        }

        if (wire is null || string.IsNullOrEmpty(wire.I) || wire.V.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            throw new InvalidContinuationTokenException("the token is not one this store issued");
        }

        if (wire.O != orderBy || wire.D != descending)
        {
            throw new InvalidContinuationTokenException("the token belongs to a query with another order");
        }

        return new ContinuationToken(wire.O, wire.D, wire.V, wire.I);
    }

    // Short property names keep tokens small in URLs and page requests.
    private sealed record Wire(string? O, bool D, JsonElement V, string I);
}
