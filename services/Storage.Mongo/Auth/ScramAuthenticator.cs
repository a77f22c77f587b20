using System.Text;
using CapacityHub.Storage.Mongo.Connection;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>Runs a SCRAM conversation over saslStart/saslContinue on a freshly handshaken connection.</summary>
public static class ScramAuthenticator
{
    /// <summary>
    /// Picks SCRAM-SHA-256 when the server lists it for the user (saslSupportedMechs in hello), else SCRAM-SHA-1,
    /// as the auth spec's negotiation rules say. Other mechanisms are refused with a clear message.
    /// </summary>
    public static ScramMechanism Negotiate(MongoCredential credential, BsonDocument hello)
    {
        if (credential.Mechanism is not null)
        {
            return ScramMechanism.FromName(credential.Mechanism);
        }

        var offered = hello.TryGetValue("saslSupportedMechs", out var mechs) && mechs.IsBsonArray ? mechs.AsBsonArray.Select(m => m.AsString).ToList() : [];
        return offered.Count == 0 || offered.Contains("SCRAM-SHA-256") ? ScramMechanism.Sha256 : ScramMechanism.Sha1;
    }

    public static async Task AuthenticateAsync(MongoConnection connection, MongoCredential credential, ScramMechanism mechanism, CancellationToken cancellationToken)
    {
        var conversation = new ScramConversation(mechanism, credential.Username, credential.Password);
        try
        {
            var start = new BsonDocument
            {
                { "saslStart", 1 },
                { "mechanism", mechanism.Name },
                { "payload", new BsonBinaryData(Encoding.UTF8.GetBytes(conversation.ClientFirstMessage())) },
                { "autoAuthorize", 1 },
                { "options", new BsonDocument("skipEmptyExchange", true) },
            };
            var reply = await connection.RunCommandAsync(credential.Source, start, null, cancellationToken).ConfigureAwait(false);
            var conversationId = reply["conversationId"];
            var final = conversation.ClientFinalMessage(Payload(reply));
            reply = await Continue(connection, credential, conversationId, final, cancellationToken).ConfigureAwait(false);
            conversation.VerifyServerFinal(Payload(reply));
            if (!reply.GetValue("done", false).ToBoolean())
            {
                reply = await Continue(connection, credential, conversationId, string.Empty, cancellationToken).ConfigureAwait(false);
                if (!reply.GetValue("done", false).ToBoolean())
                {
                    throw new MongoAuthenticationException("The server did not finish the SCRAM conversation.");
                }
            }
        }
        catch (Commands.MongoCommandException e)
        {
            throw new MongoAuthenticationException($"Authentication of {credential} with {mechanism.Name} failed: {e.Message}", e);
        }
    }

    private static Task<BsonDocument> Continue(MongoConnection connection, MongoCredential credential, BsonValue conversationId, string payload, CancellationToken cancellationToken) =>
        connection.RunCommandAsync(
            credential.Source,
            new BsonDocument
            {
                { "saslContinue", 1 },
                { "conversationId", conversationId },
                { "payload", new BsonBinaryData(Encoding.UTF8.GetBytes(payload)) },
            },
            null,
            cancellationToken);

    private static string Payload(BsonDocument reply) => Encoding.UTF8.GetString(reply["payload"].AsBsonBinaryData.Bytes);
}
