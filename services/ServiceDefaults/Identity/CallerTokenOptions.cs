namespace CapacityHub.ServiceDefaults.Identity;

/// <summary>
/// How caller tokens are signed: a shared HMAC key known to the gateway and the services
/// (configuration <c>Identity:SigningKey</c>, base64, at least 256 bits). Tokens live minutes,
/// so a stolen one is of little use and no revocation list is needed.
/// </summary>
public sealed class CallerTokenOptions
{
    public const string Section = "Identity";

    /// <summary>The gRPC metadata key that carries the token from the gateway to the services.</summary>
    public const string MetadataKey = "x-capacityhub-caller";

    public const string Issuer = "capacityhub-gateway";

    public const string Audience = "capacityhub-services";

    public string SigningKey { get; set; } = "";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    public byte[] KeyBytes()
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Identity:SigningKey must be base64.", e);
        }

        return key.Length >= 32
            ? key
            : throw new InvalidOperationException("Identity:SigningKey must hold at least 32 bytes (256 bits).");
    }
}
