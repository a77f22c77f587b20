using CapacityHub.Storage.Mongo.Commands;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Commands;

/// <summary>Command shapes from the CRUD spec for the write operations (crud-unified has no event expectations for them).</summary>
public sealed class CrudCommandShapeTests
{
    [Fact]
    public void UpdateManySetsMultiAndUpdateOneDoesNot()
    {
        var many = CrudCommands.UpdateStatement(new BsonDocument("x", 1), new BsonDocument("$inc", new BsonDocument("x", 1)), multi: true);
        var one = CrudCommands.UpdateStatement(new BsonDocument("x", 1), new BsonDocument("$inc", new BsonDocument("x", 1)), multi: false, upsert: true);

        Assert.True(many["multi"].AsBoolean);
        Assert.False(one.Contains("multi"));
        Assert.True(one["upsert"].AsBoolean);
        Assert.Equal(new BsonDocument("x", 1), one["q"]);
    }

    [Fact]
    public void DeleteOneUsesLimitOneAndDeleteManyLimitZero()
    {
        Assert.Equal(1, CrudCommands.DeleteStatement([], many: false)["limit"].AsInt32);
        Assert.Equal(0, CrudCommands.DeleteStatement([], many: true)["limit"].AsInt32);
    }

    [Fact]
    public void InsertPutsDocumentsInASequenceAndIsOrderedByDefault()
    {
        var (body, sequence) = CrudCommands.Insert("coll0", [new BsonDocument("_id", 1)]);

        Assert.Equal("coll0", body["insert"].AsString);
        Assert.True(body["ordered"].AsBoolean);
        Assert.False(body.Contains("documents"));
        Assert.Equal("documents", sequence.Identifier);
    }

    [Fact]
    public void FindAndModifyRemoveHasNoUpdateOrNew()
    {
        var remove = CrudCommands.FindAndModify("coll0", new BsonDocument("_id", 1), null, remove: true, returnNew: false, sort: new BsonDocument("x", 1));
        var update = CrudCommands.FindAndModify("coll0", new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("x", 2)), remove: false, returnNew: true, upsert: true);

        Assert.True(remove["remove"].AsBoolean);
        Assert.False(remove.Contains("update"));
        Assert.False(remove.Contains("new"));
        Assert.True(update["new"].AsBoolean);
        Assert.True(update["upsert"].AsBoolean);
        Assert.Throws<ArgumentException>(() => CrudCommands.FindAndModify("coll0", [], null, remove: false, returnNew: false));
    }

    [Fact]
    public void FindWithBatchSizeEqualToLimitAsksForOneMore()
    {
        var find = CrudCommands.Find("coll0", [], new FindOptions { Limit = 4, BatchSize = 4 });
        Assert.Equal(5, find["batchSize"].AsInt32);
        Assert.Equal(4, find["limit"].AsInt32);
    }

    [Fact]
    public void AggregateAlwaysSendsACursorDocument()
    {
        Assert.Equal(new BsonDocument(), CrudCommands.Aggregate("coll0", [])["cursor"]);
        Assert.Equal(new BsonDocument("batchSize", 3), CrudCommands.Aggregate("coll0", [], batchSize: 3)["cursor"]);
    }

    [Fact]
    public async Task ReplacementWithOperatorsIsRefusedBeforeSending()
    {
        await using var client = new MongoClient("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100");
        var collection = client.GetDatabase("test").GetCollection("coll0");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => collection.ReplaceOneAsync([], new BsonDocument("$set", new BsonDocument("x", 1))));
        Assert.Contains("update operators", error.Message, StringComparison.Ordinal);
    }
}
