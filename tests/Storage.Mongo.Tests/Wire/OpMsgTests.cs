using System.Buffers.Binary;
using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Wire;

public sealed class OpMsgTests
{
    [Fact]
    public void BodyAndDocumentSequenceSurviveEncodeDecode()
    {
        var message = new OpMsgMessage(
            42,
            7,
            OpMsgFlags.None,
            new BsonDocument { { "insert", "trainings" }, { "$db", "capacityhub" } },
            [new DocumentSequence("documents", [new BsonDocument("_id", 1), new BsonDocument("_id", 2)])]);

        var bytes = OpMsgEncoder.Encode(message);
        var decoded = OpMsgDecoder.Decode(bytes);

        Assert.Equal(bytes.Length, BinaryPrimitives.ReadInt32LittleEndian(bytes));
        Assert.Equal(WireOpCode.Msg, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(42, decoded.RequestId);
        Assert.Equal(7, decoded.ResponseTo);
        Assert.Equal(message.Body, decoded.Body);
        var sequence = Assert.Single(decoded.Sequences);
        Assert.Equal("documents", sequence.Identifier);
        Assert.Equal([new BsonDocument("_id", 1), new BsonDocument("_id", 2)], sequence.Documents);
    }

    [Fact]
    public void ChecksumIsWrittenAndVerified()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, 0, OpMsgFlags.ChecksumPresent, new BsonDocument("ping", 1), []));
        Assert.Equal(new BsonDocument("ping", 1), OpMsgDecoder.Decode(bytes).Body);

        bytes[^6] ^= 0xFF;
        var error = Assert.Throws<MongoWireException>(() => OpMsgDecoder.Decode(bytes));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc32CMatchesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void MoreToComeFlagIsCarried()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, 0, OpMsgFlags.MoreToCome, new BsonDocument("ok", 1), []));
        Assert.True(OpMsgDecoder.Decode(bytes).MoreToCome);
    }

    [Fact]
    public void UnknownRequiredFlagBitIsRefused()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, new BsonDocument("ok", 1)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 1u << 5);
        Assert.Contains("unknown required flag", Assert.Throws<MongoWireException>(() => OpMsgDecoder.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpCompressedIsRefusedClearly()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, new BsonDocument("ok", 1)));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), WireOpCode.Compressed);
        Assert.Contains("OP_COMPRESSED", Assert.Throws<MongoWireException>(() => OpMsgDecoder.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SequenceRunningPastTheMessageIsRefused()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, 0, OpMsgFlags.None, new BsonDocument("ok", 1), [new DocumentSequence("documents", [new BsonDocument("a", 1)])]));
        var sectionStart = 20 + 1 + new BsonDocument("ok", 1).ToBson().Length + 1;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(sectionStart), 1000);
        Assert.Throws<MongoWireException>(() => OpMsgDecoder.Decode(bytes));
    }

    [Fact]
    public void MissingBodyIsRefused()
    {
        var bytes = OpMsgEncoder.Encode(new OpMsgMessage(1, new BsonDocument("ok", 1)));
        bytes[20] = 7;
        Assert.Contains("section kind 7", Assert.Throws<MongoWireException>(() => OpMsgDecoder.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsyncRejectsOversizedMessagesBeforeReadingThem()
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, 100_000_000);
        using var stream = new MemoryStream(header);
        await Assert.ThrowsAsync<MongoWireException>(() => OpMsgDecoder.ReadAsync(stream, OpMsgDecoder.DefaultMaxMessageSize, CancellationToken.None));
    }
}
