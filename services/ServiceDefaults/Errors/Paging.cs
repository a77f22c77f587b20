using Grpc.Core;

namespace CapacityHub.ServiceDefaults.Errors;

/// <summary>AIP-158 page sizes: 0 means the default, above the maximum is coerced, negative is an error.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public static int SizeOf(int requested)
    {
        if (requested < 0)
        {
            throw RpcException.InvalidArgument($"Invalid page_size {requested}: it must not be negative.",
                new FieldViolation("page_size", "must be 0 (default) or positive"));
        }

        return requested == 0 ? DefaultSize : Math.Min(requested, MaxSize);
    }
}
