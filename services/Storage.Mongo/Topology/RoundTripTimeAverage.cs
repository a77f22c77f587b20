namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>The spec's exponentially weighted moving average of hello round trips (alpha 0.2).</summary>
public static class RoundTripTimeAverage
{
    private const double Alpha = 0.2;

    public static double Next(double? average, double sample) => average is { } previous ? (Alpha * sample) + ((1 - Alpha) * previous) : sample;
}
