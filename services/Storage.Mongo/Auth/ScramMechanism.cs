using System.Security.Cryptography;
using System.Text;

namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>The two SCRAM variants MongoDB speaks; they differ in hash and in how the password is prepared.</summary>
public sealed class ScramMechanism
{
    public static readonly ScramMechanism Sha1 = new("SCRAM-SHA-1", HashAlgorithmName.SHA1, 20, MongoPasswordDigest);
    public static readonly ScramMechanism Sha256 = new("SCRAM-SHA-256", HashAlgorithmName.SHA256, 32, (_, password) => SaslPrep.Prepare(password));

    /// <summary>Plain RFC 5802 SCRAM-SHA-1 (password used as given), so the RFC's own example can be replayed.</summary>
    internal static readonly ScramMechanism Sha1Rfc5802 = new("SCRAM-SHA-1", HashAlgorithmName.SHA1, 20, (_, password) => password);

    private readonly Func<string, string, string> preparePassword;

    private ScramMechanism(string name, HashAlgorithmName hash, int hashLength, Func<string, string, string> preparePassword)
    {
        Name = name;
        Hash = hash;
        HashLength = hashLength;
        this.preparePassword = preparePassword;
    }

    public string Name { get; }

    public HashAlgorithmName Hash { get; }

    public int HashLength { get; }

    public static ScramMechanism FromName(string name) => name switch
    {
        "SCRAM-SHA-1" => Sha1,
        "SCRAM-SHA-256" => Sha256,
        _ => throw new MongoAuthenticationException($"Authentication mechanism '{name}' is not supported (SCRAM-SHA-1 and SCRAM-SHA-256 are)."),
    };

    /// <summary>The string fed to PBKDF2: SASLprep'd for SHA-256, MongoDB's legacy MD5 digest for SHA-1.</summary>
    public string PreparePassword(string username, string password) => preparePassword(username, password);

#pragma warning disable CA5350 // SHA-1 is what SCRAM-SHA-1 is; servers that only offer it still need to be reached.
    public byte[] Hmac(byte[] key, byte[] data) => Hash == HashAlgorithmName.SHA1 ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data);

    public byte[] Digest(byte[] data) => Hash == HashAlgorithmName.SHA1 ? SHA1.HashData(data) : SHA256.HashData(data);
#pragma warning restore CA5350

    public byte[] SaltPassword(string preparedPassword, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(preparedPassword), salt, iterations, Hash, HashLength);

    // SCRAM-SHA-1 in MongoDB hashes "user:mongo:password" first, a holdover from MONGODB-CR; the digest is the password.
#pragma warning disable CA5351 // MD5 is mandated by the MongoDB SCRAM-SHA-1 password digest, not used for security on its own.
    private static string MongoPasswordDigest(string username, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:mongo:{password}")));
#pragma warning restore CA5351
}
