namespace CapacityHub.Storage.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("capacityhub-storage-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed mid-write may still be releasing the file; the OS temp cleaner takes it.
        }
    }
}
