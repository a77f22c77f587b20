namespace CapacityHub.Rpc.Protocol;

/// <summary>Base64 for "-bin" headers: we send unpadded, and accept padded or unpadded.</summary>
public static class BinaryHeader
{
    public static string Encode(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    public static byte[] Decode(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            throw new FormatException("Binary header value is not valid base64.");
        }

        if (padding > 0)
        {
            trimmed += new string('=', padding);
        }

        return Convert.FromBase64String(trimmed);
    }

    public static bool TryDecode(string value, out byte[] bytes)
    {
        try
        {
            bytes = Decode(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
