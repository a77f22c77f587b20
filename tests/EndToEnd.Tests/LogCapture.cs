using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>One log record of the local run, with its structured fields (ProcessId, ExitCode, ...) as logged.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields.GetValueOrDefault(field);

    /// <summary>The message before its fields were filled in, e.g. "{Service} started (pid {ProcessId}); ...".</summary>
    public string Template => this["{OriginalFormat}"] as string ?? "";
}

/// <summary>
/// Keeps what a <see cref="CapacityHub.LocalRun.LocalSystem"/> logs, so tests can see which processes it started
/// (their pids) and what it said about exits and restarts, and can act the moment something is logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> records = new();

    /// <summary>Called on the logging thread for every record; hand anything slow or re-entrant to another thread.</summary>
    public Action<CapturedLog>? OnLog { get; init; }

    public IReadOnlyList<CapturedLog> Records => [.. records];

    /// <summary>The pid of every process the run started, by service, in order.</summary>
    public IReadOnlyList<(string Service, int ProcessId)> Started =>
        [.. Records.Where(r => r.Template.StartsWith("{Service} started (pid {ProcessId})", StringComparison.Ordinal))
            .Select(r => ((string)r["Service"]!, (int)r["ProcessId"]!))];

    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(CapturedLog record)
    {
        records.Enqueue(record);
        OnLog?.Invoke(record);
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : [];
            capture.Add(new CapturedLog(category, logLevel, formatter(state, exception), fields));
        }
    }
}
