using System.Globalization;
using System.Net;

namespace CapacityHub.Interop.Server;

/// <summary>
/// Command line of the interop server: the arguments the interop descriptions give servers
/// (--port, --use_tls) plus --host and --tls_cert_out (where a TLS run writes its
/// self-signed certificate as PEM so that clients can trust it).
/// </summary>
public sealed record ServerOptions(IPAddress Host, int Port, bool UseTls, string? CertificateOut)
{
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Argument '{arg}' needs a value.");
            }
        }

        var unknown = values.Keys.Except(["port", "host", "use_tls", "tls_cert_out"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown argument(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }

        var port = values.TryGetValue("port", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 0;
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port {port} is not a TCP port.");
        }

        var host = values.TryGetValue("host", out var h) ? IPAddress.Parse(h) : IPAddress.Loopback;
        var useTls = values.TryGetValue("use_tls", out var t) && bool.Parse(t);
        return new ServerOptions(host, port, useTls, values.GetValueOrDefault("tls_cert_out"));
    }
}
