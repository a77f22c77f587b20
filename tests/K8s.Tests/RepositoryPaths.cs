namespace CapacityHub.K8s.Tests;

/// <summary>Finds folders of the repository from wherever the test assembly runs.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "k8s");

    public static string Validator => Path.Combine(Root, "tests", "K8s.Tests", "validator");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapacityHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CapacityHub.sln not found above " + AppContext.BaseDirectory);
    }
}
