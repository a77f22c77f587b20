namespace CapacityHub.LocalRun;

/// <summary>The checkout whose built services a local system starts: the folder holding CapacityHub.sln.</summary>
public static class Repository
{
    /// <summary>Searches upwards from <paramref name="start"/> (default: this program's or test's binaries).</summary>
    public static string FindRoot(string? start = null)
    {
        var from = start ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapacityHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CapacityHub.sln not found above {from}: run from inside the repository.");
    }
}
