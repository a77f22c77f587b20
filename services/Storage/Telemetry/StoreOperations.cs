using System.Diagnostics;

namespace CapacityHub.Storage.Telemetry;

/// <summary>Runs one store operation inside its span and measures it.</summary>
internal sealed class StoreOperations(string system, string? databaseName)
{
    public Task<TResult> RunAsync<TResult>(string operation, string? collection, Func<Task<TResult>> work) =>
        RunAsync(operation, collection, work, describe: null);

    /// <param name="describe">Adds attributes known only from the result (e.g. rows returned).</param>
    public async Task<TResult> RunAsync<TResult>(string operation, string? collection, Func<Task<TResult>> work, Action<Activity, TResult>? describe)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StoreTelemetry.Source.HasListeners() ? Start(operation, collection) : null;
        string? errorType = null;
        try
        {
            var result = await work().ConfigureAwait(false);
            if (activity is { IsAllDataRequested: true } && describe is not null)
            {
                describe(activity, result);
            }

            return result;
        }
        catch (Exception e)
        {
            // The type only: messages can quote document values (a duplicate e-mail address, say).
            errorType = e.GetType().FullName;
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            Record(operation, collection, errorType, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private Activity? Start(string operation, string? collection)
    {
        var activity = StoreTelemetry.Source.StartActivity(collection is null ? operation : $"{operation} {collection}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            if (collection is not null)
            {
                activity.SetTag("db.collection.name", collection);
            }

            if (databaseName is not null)
            {
                activity.SetTag("db.namespace", databaseName);
            }
        }

        return activity;
    }

    private void Record(string operation, string? collection, string? errorType, double seconds)
    {
        if (!StoreTelemetry.OperationDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "db.system.name", system },
            { "db.operation.name", operation },
        };
        if (collection is not null)
        {
            tags.Add("db.collection.name", collection);
        }

        if (databaseName is not null)
        {
            tags.Add("db.namespace", databaseName);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        StoreTelemetry.OperationDuration.Record(seconds, tags);
    }
}
