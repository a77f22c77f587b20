using Google.Protobuf;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>Builds the all-zero payloads the interop cases ask for.</summary>
public static class Payloads
{
    // Responses only read these bytes, so one shared zero block serves every small payload
    // without a per-call allocation (this path is also the benchmark's hot path).
    private static readonly byte[] SharedZeros = new byte[64 * 1024];

    public static Payload Zeros(int size, string field)
    {
        if (size < 0)
        {
            throw CapacityHub.Rpc.RpcException.InvalidArgument(
                $"{field} must not be negative (got {size}).",
                new CapacityHub.Rpc.FieldViolation(field, "must be zero or more"));
        }

        var body = size <= SharedZeros.Length
            ? UnsafeByteOperations.UnsafeWrap(SharedZeros.AsMemory(0, size))
            : UnsafeByteOperations.UnsafeWrap(new byte[size]);
        return new Payload { Body = body };
    }

    /// <summary>Only COMPRESSABLE exists in test.proto; anything else is refused as the descriptions require.</summary>
    public static void RequireSupportedType(PayloadType type, string field)
    {
        if (type != PayloadType.Compressable)
        {
            throw CapacityHub.Rpc.RpcException.InvalidArgument(
                $"{field} {type} is not supported; only COMPRESSABLE is.",
                new CapacityHub.Rpc.FieldViolation(field, "must be COMPRESSABLE"));
        }
    }
}
