using System.Security.Cryptography;
using System.Text;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>
/// The server half of SCRAM-SHA-256 (RFC 5802 §3), computed independently of the client code: it stores only
/// StoredKey and ServerKey, checks the client proof and returns the server signature.
/// </summary>
internal sealed class FakeScramServer
{
    private const int Iterations = 4096;
    private readonly string username;
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] storedKey;
    private readonly byte[] serverKey;
    private string? clientFirstBare;
    private string? serverFirst;
    private string? nonce;

    public FakeScramServer(string username, string password)
    {
        this.username = username;
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8.ToArray()));
        serverKey = HMACSHA256.HashData(salted, "Server Key"u8.ToArray());
    }

    public string First(string clientFirst)
    {
        if (!clientFirst.StartsWith("n,,", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("unsupported GS2 header");
        }

        clientFirstBare = clientFirst[3..];
        var fields = Fields(clientFirstBare);
        if (fields["n"] != username)
        {
            throw new InvalidOperationException("unknown user");
        }

        nonce = fields["r"] + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        serverFirst = $"r={nonce},s={Convert.ToBase64String(salt)},i={Iterations}";
        return serverFirst;
    }

    /// <summary>Returns "v=..." when the proof is right, null when it is not.</summary>
    public string? Final(string clientFinal)
    {
        var proofAt = clientFinal.LastIndexOf(",p=", StringComparison.Ordinal);
        var withoutProof = clientFinal[..proofAt];
        var proof = Convert.FromBase64String(clientFinal[(proofAt + 3)..]);
        if (Fields(withoutProof)["r"] != nonce)
        {
            return null;
        }

        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = HMACSHA256.HashData(storedKey, authMessage);
        var clientKey = proof.Select((b, i) => (byte)(b ^ signature[i])).ToArray();
        if (!SHA256.HashData(clientKey).AsSpan().SequenceEqual(storedKey))
        {
            return null;
        }

        return "v=" + Convert.ToBase64String(HMACSHA256.HashData(serverKey, authMessage));
    }

    private static Dictionary<string, string> Fields(string message) =>
        message.Split(',').Where(p => p.Length > 1 && p[1] == '=').ToDictionary(p => p[..1], p => p[2..]);
}
