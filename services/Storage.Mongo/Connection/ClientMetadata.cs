using System.Reflection;
using System.Runtime.InteropServices;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>The handshake's "client" document (driver, os, platform, optional application), per the handshake spec.</summary>
public static class ClientMetadata
{
    public const string DriverName = "capacityhub";
    private const int MaxApplicationNameBytes = 128;

    public static BsonDocument Build(string? applicationName)
    {
        var document = new BsonDocument();
        if (applicationName is not null)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(applicationName) > MaxApplicationNameBytes)
            {
                throw new ArgumentException($"appName must be at most {MaxApplicationNameBytes} bytes.", nameof(applicationName));
            }

            document["application"] = new BsonDocument("name", applicationName);
        }

        document["driver"] = new BsonDocument
        {
            { "name", DriverName },
            { "version", typeof(ClientMetadata).Assembly.GetName().Version?.ToString() ?? "0" },
        };
        document["os"] = new BsonDocument
        {
            { "type", OperatingSystemType() },
            { "name", RuntimeInformation.OSDescription },
            { "architecture", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() },
            { "version", Environment.OSVersion.Version.ToString() },
        };
        document["platform"] = RuntimeInformation.FrameworkDescription;
        return document;
    }

    private static string OperatingSystemType() =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsWindows() ? "Windows"
        : OperatingSystem.IsMacOS() ? "Darwin"
        : "unknown";
}
