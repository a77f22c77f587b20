namespace CapacityHub.LocalRun;

/// <summary>The last lines of a service's log file, to say why it stopped without sending anyone to the file first.</summary>
public static class LogTail
{
    /// <param name="maxLineLength">Longer lines are cut: the services log JSON lines too long to read in a terminal.</param>
    public static string Read(string file, int lines = 30, int maxLineLength = int.MaxValue)
    {
        try
        {
            // The service may still be writing to it (or its output may still be draining): share it.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().TrimEnd('\n').Split('\n').TakeLast(lines)
                .Select(line => line.Length <= maxLineLength ? line : line[..maxLineLength] + " …"));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
