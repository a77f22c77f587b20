using CapacityHub.Storage.Mongo.Tests.Specs;
using CapacityHub.Storage.Mongo.Wire;

namespace CapacityHub.Storage.Mongo.Tests.Wire;

/// <summary>
/// The BSON corpus through the codec every OP_MSG section uses: canonical bytes must survive
/// decode → BsonDocument → encode unchanged, degenerate bytes must re-encode canonically, and every
/// decodeErrors case must be refused. parseErrors concern extended-JSON/decimal string parsing,
/// which the wire path never does, so they are not run.
/// </summary>
public sealed class BsonCorpusTests
{
    /// <summary>
    /// Valid corpus cases MongoDB.Bson 2.14.1 itself cannot round-trip; the wire client inherits these gaps.
    /// They are asserted to still differ so that a library upgrade that fixes them is noticed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownLibraryGaps = new Dictionary<string, string>
    {
        ["binary.json#4"] = "old binary subtype 0x02 is rewritten as subtype 0x00 without its inner length",
        ["datetime.json#3"] = "dates beyond DateTime.MaxValue (Y10K) are clamped",
        ["dbpointer.json#0"] = "DBPointer (0x0C, deprecated) is not readable",
        ["dbpointer.json#1"] = "DBPointer (0x0C, deprecated) is not readable",
        ["dbpointer.json#2"] = "DBPointer (0x0C, deprecated) is not readable",
        ["double.json#7"] = "-0.0 is re-encoded as +0.0 (BsonDouble caches zero)",
        ["multi-type-deprecated.json#0"] = "contains a DBPointer (0x0C, deprecated)",
    };

    public static TheoryData<SpecCase> ValidCases() => Without(CasesOf("valid"), gaps: false);

    public static TheoryData<SpecCase> GapCases() => Without(CasesOf("valid"), gaps: true);

    public static TheoryData<SpecCase> DecodeErrorCases() => CasesOf("decodeErrors");

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void CanonicalBsonRoundTripsThroughTheWireCodec(SpecCase specCase)
    {
        var test = Load(specCase, "valid");
        var canonical = Convert.FromHexString(test["canonical_bson"].AsString);

        var document = BsonCodec.Decode(canonical);
        Assert.Equal(test["canonical_bson"].AsString.ToUpperInvariant(), Convert.ToHexString(BsonCodec.Encode(document)));

        if (test.TryGetValue("degenerate_bson", out var degenerate))
        {
            var fromDegenerate = BsonCodec.Decode(Convert.FromHexString(degenerate.AsString));
            Assert.Equal(test["canonical_bson"].AsString.ToUpperInvariant(), Convert.ToHexString(BsonCodec.Encode(fromDegenerate)));
        }
    }

    [Theory]
    [MemberData(nameof(GapCases))]
    public void KnownLibraryGapStillFailsToRoundTrip(SpecCase specCase)
    {
        var canonical = Load(specCase, "valid")["canonical_bson"].AsString.ToUpperInvariant();
        string? reencoded;
        try
        {
            reencoded = Convert.ToHexString(BsonCodec.Encode(BsonCodec.Decode(Convert.FromHexString(canonical))));
        }
        catch (MongoWireException)
        {
            reencoded = null;
        }

        Assert.NotEqual(canonical, reencoded);
    }

    [Theory]
    [MemberData(nameof(DecodeErrorCases))]
    public void InvalidBsonIsRefused(SpecCase specCase)
    {
        var bytes = Convert.FromHexString(Load(specCase, "decodeErrors")["bson"].AsString);
        Assert.Throws<MongoWireException>(() => BsonCodec.Decode(bytes));
    }

    private static MongoDB.Bson.BsonDocument Load(SpecCase specCase, string section) =>
        SpecData.Load(Path.Combine(SpecData.Folder("bson-corpus"), specCase.File))[section][specCase.Index].AsBsonDocument;

    private static TheoryData<SpecCase> Without(TheoryData<SpecCase> cases, bool gaps)
    {
        var data = new TheoryData<SpecCase>();
        foreach (SpecCase specCase in cases)
        {
            if (KnownLibraryGaps.ContainsKey($"{specCase.File}#{specCase.Index}") == gaps)
            {
                data.Add(specCase);
            }
        }

        return data;
    }

    private static TheoryData<SpecCase> CasesOf(string section)
    {
        var data = new TheoryData<SpecCase>();
        foreach (var file in SpecData.Files("bson-corpus"))
        {
            var spec = SpecData.Load(file);
            if (!spec.TryGetValue(section, out var cases))
            {
                continue;
            }

            for (var i = 0; i < cases.AsBsonArray.Count; i++)
            {
                data.Add(new SpecCase(Path.GetFileName(file), i, cases[i]["description"].AsString));
            }
        }

        return data;
    }
}
