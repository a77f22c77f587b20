namespace CapacityHub.K8s.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "services/Programmes", "CapacityHub.Programmes" },
        { "services/Partners", "CapacityHub.Partners" },
        { "services/Trainings", "CapacityHub.Trainings" },
        { "gateway", "CapacityHub.Gateway" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void ImageIsMultiStageNonRootAndPinned(string folder, string project)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, folder, "Dockerfile"));
        var from = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, from.Count);
        Assert.All(from, l => Assert.Matches(@"^FROM \S+:\d[\w.-]*( AS \w+)?$", l));
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:", from[^1], StringComparison.Ordinal);
        Assert.Equal("USER $APP_UID", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains($"{folder}/{project}.csproj", StringComparison.Ordinal));
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", lines[^1]);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, folder, project + ".csproj")), "the Dockerfile builds a project that exists");
    }
}
