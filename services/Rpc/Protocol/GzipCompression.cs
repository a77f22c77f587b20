using System.Buffers;
using System.IO.Compression;

namespace CapacityHub.Rpc.Protocol;

/// <summary>gzip for message payloads (grpc-encoding: gzip), bounded so a small bomb cannot exhaust memory.</summary>
public static class GzipCompression
{
    public static byte[] Compress(ReadOnlySpan<byte> payload, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream(payload.Length / 2 + 64);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Decompresses into a pooled buffer that the caller returns to ArrayPool.Shared.
    /// Throws RESOURCE_EXHAUSTED past maxSize and INTERNAL for corrupt data.
    /// </summary>
    public static ArraySegment<byte> Decompress(ReadOnlySequence<byte> compressed, int maxSize)
    {
        var input = ArrayPool<byte>.Shared.Rent((int)compressed.Length);
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(256, (int)Math.Min(compressed.Length * 4, maxSize + 1L)));
        try
        {
            compressed.CopyTo(input);
            using var source = new MemoryStream(input, 0, (int)compressed.Length, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            var length = 0;
            while (true)
            {
                if (length == output.Length)
                {
                    if (length > maxSize)
                    {
                        break;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(output.Length * 2L, maxSize + 1L));
                    output.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = bigger;
                }

                var read = gzip.Read(output, length, output.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > maxSize)
            {
                throw new RpcException(
                    StatusCode.ResourceExhausted,
                    $"Received message after decompression larger than max ({maxSize} bytes).");
            }

            var result = new ArraySegment<byte>(output, 0, length);
            output = null!;
            return result;
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(StatusCode.Internal, "Failed to decompress message: " + ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            if (output is not null)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }
}
