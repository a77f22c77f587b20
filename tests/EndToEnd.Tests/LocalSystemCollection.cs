namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// Every class here starts four service processes; running them one after another keeps a loaded 2-core
/// machine from starving the start-up health checks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalSystemCollection : ICollectionFixture<EmptySystemFixture>
{
    public const string Name = "local system";
}
