using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CapacityHub.Storage.Mongo.Auth;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>Opens TCP (or unix socket) streams, wraps them in TLS when asked, and performs hello + authentication.</summary>
public sealed class ConnectionFactory(ConnectionSettings settings)
{
    public ConnectionSettings Settings => settings;

    /// <summary>Opens an application connection: handshake with client metadata, then authentication if configured.</summary>
    public async Task<MongoConnection> OpenAsync(string address, int generation, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(address, generation, cancellationToken).ConfigureAwait(false);
        try
        {
            var hello = await HandshakeAsync(connection, settings.Credential, cancellationToken).ConfigureAwait(false);
            if (settings.Credential is { } credential)
            {
                await ScramAuthenticator.AuthenticateAsync(connection, credential, ScramAuthenticator.Negotiate(credential, hello), cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a monitoring connection: handshake only, never authenticated (hello needs no auth).</summary>
    public async Task<(MongoConnection Connection, BsonDocument Hello)> OpenForMonitoringAsync(string address, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(address, 0, cancellationToken).ConfigureAwait(false);
        try
        {
            return (connection, await HandshakeAsync(connection, null, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The initial hello is sent as OP_MSG: this client only supports servers of wire version 7+ (MongoDB 4.0),
    /// which all accept OP_MSG hello, so the legacy OP_QUERY handshake is not implemented.
    /// </summary>
    private async Task<BsonDocument> HandshakeAsync(MongoConnection connection, MongoCredential? credential, CancellationToken cancellationToken)
    {
        var hello = new BsonDocument
        {
            { "hello", 1 },
            { "helloOk", true },
            { "client", ClientMetadata.Build(settings.ApplicationName) },
        };
        if (credential is { Mechanism: null })
        {
            hello["saslSupportedMechs"] = $"{credential.Source}.{credential.Username}";
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await connection.RunCommandAsync("admin", hello, null, cancellationToken).ConfigureAwait(false);
        connection.Description = HelloParser.Parse(connection.Address, reply, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (reply.TryGetValue("maxMessageSizeBytes", out var max) && max.IsNumeric)
        {
            connection.MaxMessageSize = max.ToInt32();
        }

        return reply;
    }

    private async Task<MongoConnection> ConnectAsync(string address, int generation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.ConnectTimeout > TimeSpan.Zero)
        {
            timeout.CancelAfter(settings.ConnectTimeout);
        }

        var (host, port, endPoint) = Endpoint(address);
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (endPoint is not null)
            {
                await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            }

            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (settings.Tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, ValidateServerCertificate);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }

            return new MongoConnection(address, stream, generation, settings.SocketTimeout);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            socket.Dispose();
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new MongoConnectionException($"Could not connect to {address}: {e.Message}", e);
        }
    }

    private static (string Host, int Port, System.Net.EndPoint? EndPoint) Endpoint(string address)
    {
        if (address.EndsWith(".sock", StringComparison.Ordinal) || address.Contains('/', StringComparison.Ordinal))
        {
            return (address, 0, new UnixDomainSocketEndPoint(address));
        }

        var colon = address.LastIndexOf(':');
        var host = address[..colon].Trim('[', ']');
        var port = int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return (host, port, System.Net.IPAddress.TryParse(host, out var ip) ? new System.Net.IPEndPoint(ip, port) : null);
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (settings.TlsInsecure || errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (settings.TlsCaFile is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        // tlsCAFile: trust exactly the given authorities for this connection instead of the system store.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.ImportFromPemFile(settings.TlsCaFile);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(new X509Certificate2(certificate));
    }
}
