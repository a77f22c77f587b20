using System.Security.Cryptography;
using System.Text.Json;

namespace CapacityHub.LocalRun;

/// <summary>
/// Keys the local run needs (caller-token and demo sign-in signing keys), made once per data
/// folder and kept there so that restarts keep sessions valid. Production keys come from Secrets.
/// </summary>
public sealed record LocalSecrets(string CallerTokenKey, string DemoSigningKey)
{
    public static LocalSecrets LoadOrCreate(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "local-secrets.json");
        if (File.Exists(file))
        {
            return JsonSerializer.Deserialize<LocalSecrets>(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"{file} is empty; delete it to make new keys.");
        }

        var secrets = new LocalSecrets(NewKey(), NewKey());
        File.WriteAllText(file, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secrets;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
