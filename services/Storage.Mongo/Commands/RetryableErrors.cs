using CapacityHub.Storage.Mongo.Connection;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>Which failures the retryable reads/writes specs allow one retry for, and which mean "not primary".</summary>
public static class RetryableErrors
{
    private static readonly HashSet<int> RetryableCodes = [6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436, 63, 150, 134];
    private static readonly HashSet<int> NotPrimaryOrRecovering = [10107, 13435, 13436, 189, 91, 11600, 11602];

    public static bool IsRetryable(Exception error) => error switch
    {
        MongoConnectionException => true,
        MongoCommandException command => command.HasLabel("RetryableWriteError") || RetryableCodes.Contains(command.Code),
        _ => false,
    };

    public static bool MeansServerStateChanged(Exception error) => error switch
    {
        MongoConnectionException => true,
        MongoCommandException command => NotPrimaryOrRecovering.Contains(command.Code),
        _ => false,
    };
}
