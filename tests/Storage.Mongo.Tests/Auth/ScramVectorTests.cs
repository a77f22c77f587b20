using CapacityHub.Storage.Mongo.Auth;

namespace CapacityHub.Storage.Mongo.Tests.Auth;

/// <summary>Replays the example exchanges of RFC 5802 (SCRAM-SHA-1), RFC 7677 (SCRAM-SHA-256) and MongoDB's auth spec.</summary>
public sealed class ScramVectorTests
{
    [Fact]
    public void Rfc5802Sha1ExampleProducesTheRfcProofAndAcceptsTheRfcServerSignature()
    {
        var conversation = new ScramConversation(ScramMechanism.Sha1Rfc5802, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");

        Assert.Equal("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", conversation.ClientFirstMessage());
        var final = conversation.ClientFinalMessage("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        Assert.Equal("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=", final);
        conversation.VerifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    [Fact]
    public void Rfc7677Sha256ExampleProducesTheRfcProofAndAcceptsTheRfcServerSignature()
    {
        var conversation = new ScramConversation(ScramMechanism.Sha256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");

        Assert.Equal("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", conversation.ClientFirstMessage());
        var final = conversation.ClientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        Assert.Equal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", final);
        conversation.VerifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    [Fact]
    public void MongoDbSha1ExampleUsesTheUserMongoPasswordDigest()
    {
        var conversation = new ScramConversation(ScramMechanism.Sha1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");

        conversation.ClientFirstMessage();
        var final = conversation.ClientFinalMessage("r=fyko+d2lbbFgONRv9qkxdawLHo+Vgk7qvUOKUwuWLIWg4l/9SraGMHEE,s=rQ9ZY3MntBeuP3E1TDVC4w==,i=10000");
        Assert.Equal("c=biws,r=fyko+d2lbbFgONRv9qkxdawLHo+Vgk7qvUOKUwuWLIWg4l/9SraGMHEE,p=MC2T8BvbmWRckDw8oWl5IVghwCY=", final);
        conversation.VerifyServerFinal("v=UMWeI25JD1yNYZRMpZ4VHvhZ9e0=");
    }

    [Fact]
    public void WrongServerSignatureIsRejected()
    {
        var conversation = new ScramConversation(ScramMechanism.Sha256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        conversation.ClientFirstMessage();
        conversation.ClientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");

        var error = Assert.Throws<MongoAuthenticationException>(() => conversation.VerifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        Assert.Contains("server signature", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r=someoneelse123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "nonce")]
    [InlineData("r=abcXYZ,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=100", "iterations")]
    [InlineData("r=abcXYZ,i=4096", "'s='")]
    public void MalformedServerFirstMessagesAreRejected(string serverFirst, string expected)
    {
        var conversation = new ScramConversation(ScramMechanism.Sha256, "user", "pencil", "abc");
        conversation.ClientFirstMessage();

        var error = Assert.Throws<MongoAuthenticationException>(() => conversation.ClientFinalMessage(serverFirst));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsernamesEscapeCommaAndEquals()
    {
        var conversation = new ScramConversation(ScramMechanism.Sha256, "a,b=c", "pencil", "abc");
        Assert.Equal("n,,n=a=2Cb=3Dc,r=abc", conversation.ClientFirstMessage());
    }

    [Theory]
    [InlineData("IX", "IX")]
    [InlineData("I\u00ADX", "IX")]
    [InlineData("user", "user")]
    [InlineData("USER", "USER")]
    [InlineData("\u00AA", "a")]
    [InlineData("\u2168", "IX")]
    [InlineData("a\u00A0b", "a b")]
    public void SaslPrepMapsAndNormalisesAsRfc4013Examples(string input, string expected) =>
        Assert.Equal(expected, SaslPrep.Prepare(input));

    [Fact]
    public void SaslPrepRejectsControlCharacters() =>
        Assert.Throws<MongoAuthenticationException>(() => SaslPrep.Prepare("a\u0007b"));
}
