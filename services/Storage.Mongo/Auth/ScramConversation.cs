using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>
/// The client side of one SCRAM exchange (RFC 5802): client-first, client-final with proof, then verification
/// of the server signature. The nonce is injectable so the RFC example exchanges can be replayed exactly.
/// </summary>
public sealed class ScramConversation(ScramMechanism mechanism, string username, string password, string? clientNonce = null)
{
    private const int MinimumIterations = 4096;
    private readonly string nonce = clientNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private string? clientFirstBare;
    private byte[]? expectedServerSignature;

    public string ClientFirstMessage()
    {
        clientFirstBare = $"n={EscapeName(username)},r={nonce}";
        return "n,," + clientFirstBare;
    }

    public string ClientFinalMessage(string serverFirst)
    {
        if (clientFirstBare is null)
        {
            throw new InvalidOperationException("ClientFirstMessage must be sent before the final message.");
        }

        var fields = ParseFields(serverFirst);
        var serverNonce = Required(fields, 'r');
        if (!serverNonce.StartsWith(nonce, StringComparison.Ordinal) || serverNonce.Length == nonce.Length)
        {
            throw new MongoAuthenticationException("The server nonce does not extend the client nonce.");
        }

        var salt = Convert.FromBase64String(Required(fields, 's'));
        if (!int.TryParse(Required(fields, 'i'), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < MinimumIterations)
        {
            throw new MongoAuthenticationException($"The server asked for {fields.GetValueOrDefault('i')} iterations; at least {MinimumIterations} are required.");
        }

        var salted = mechanism.SaltPassword(mechanism.PreparePassword(username, password), salt, iterations);
        var clientKey = mechanism.Hmac(salted, "Client Key"u8.ToArray());
        var storedKey = mechanism.Digest(clientKey);
        var withoutProof = "c=biws,r=" + serverNonce;
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = mechanism.Hmac(storedKey, authMessage);
        var proof = new byte[clientKey.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ signature[i]);
        }

        var serverKey = mechanism.Hmac(salted, "Server Key"u8.ToArray());
        expectedServerSignature = mechanism.Hmac(serverKey, authMessage);
        return $"{withoutProof},p={Convert.ToBase64String(proof)}";
    }

    /// <summary>Proves the server knew the password too; a mismatch means a server (or attacker) that does not.</summary>
    public void VerifyServerFinal(string serverFinal)
    {
        if (expectedServerSignature is null)
        {
            throw new InvalidOperationException("ClientFinalMessage must be sent before the server's final message is verified.");
        }

        var fields = ParseFields(serverFinal);
        if (fields.TryGetValue('e', out var error))
        {
            throw new MongoAuthenticationException("The server rejected the SCRAM exchange: " + error);
        }

        var actual = Convert.FromBase64String(Required(fields, 'v'));
        if (!CryptographicOperations.FixedTimeEquals(actual, expectedServerSignature))
        {
            throw new MongoAuthenticationException("The server signature is wrong; the server could not prove it knows the credentials.");
        }
    }

    private static string EscapeName(string name) => name.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);

    private static Dictionary<char, string> ParseFields(string message)
    {
        var fields = new Dictionary<char, string>();
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[1] == '=')
            {
                fields[part[0]] = part[2..];
            }
        }

        return fields;
    }

    private static string Required(Dictionary<char, string> fields, char name) =>
        fields.TryGetValue(name, out var value) ? value : throw new MongoAuthenticationException($"The server's SCRAM message lacks '{name}='.");
}
