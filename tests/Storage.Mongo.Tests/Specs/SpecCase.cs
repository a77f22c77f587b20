namespace CapacityHub.Storage.Mongo.Tests.Specs;

/// <summary>Names one case inside a spec file so a failing theory row says where to look.</summary>
public sealed record SpecCase(string File, int Index, string Description)
{
    public override string ToString() => $"{File}#{Index}: {Description}";
}
