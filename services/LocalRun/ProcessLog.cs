namespace CapacityHub.LocalRun;

/// <summary>
/// A service's log file, appended to across restarts. Output events can still arrive while the file is being
/// closed, so a closed log drops lines instead of throwing on a thread-pool thread (which would end the run).
/// </summary>
internal sealed class ProcessLog : IAsyncDisposable
{
    private readonly StreamWriter writer;
    private bool closed;

    private ProcessLog(string path, StreamWriter writer)
    {
        Path = path;
        this.writer = writer;
    }

    public string Path { get; }

    public static ProcessLog Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new ProcessLog(path, new StreamWriter(path, append: true) { AutoFlush = true });
    }

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            if (!closed)
            {
                writer.WriteLine(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (writer)
        {
            closed = true;
            writer.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
