namespace CapacityHub.Storage;

/// <summary>
/// Adds a delta to a numeric field atomically (missing fields count as 0). Integer deltas keep integer
/// fields integral; use the double form only for fields that hold fractions (e.g. sums of normalised gains).
/// </summary>
public readonly record struct Increment
{
    private Increment(string path, long? integer, double? real)
    {
        FieldPath.Require(path, nameof(path));
        if (path == FieldPath.Id)
        {
            throw new ArgumentException("The id cannot be incremented.", nameof(path));
        }

        Path = path;
        Integer = integer;
        Real = real;
    }

    public string Path { get; }

    public long? Integer { get; }

    public double? Real { get; }

    public static Increment By(string path, long delta) => new(path, delta, null);

    public static Increment By(string path, double delta) =>
        double.IsFinite(delta) ? new(path, null, delta) : throw new ArgumentOutOfRangeException(nameof(delta), "Delta must be finite.");
}
