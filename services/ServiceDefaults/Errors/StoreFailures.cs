using Grpc.Core;
using CapacityHub.Storage;

namespace CapacityHub.ServiceDefaults.Errors;

/// <summary>
/// Turns store exceptions into the gRPC status a caller can act on (see services/Storage/README.md).
/// Services describe unique-index collisions themselves because only they know what the index means.
/// </summary>
public static class StoreFailures
{
    public static async Task<T> Guard<T>(Func<Task<T>> action, Func<DuplicateKeyException, string>? describeDuplicate = null)
    {
        try
        {
            return await action();
        }
        catch (DuplicateKeyException e)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, describeDuplicate?.Invoke(e) ?? AlreadyExists(e)));
        }
        catch (ConcurrencyConflictException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The resource was changed by someone else meanwhile; read it again and retry with the new etag."));
        }
        catch (DocumentNotFoundException)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "The resource was deleted meanwhile."));
        }
        catch (InvalidContinuationTokenException)
        {
            throw RpcException.InvalidArgument("Invalid page_token: use the next_page_token of the previous response unchanged.",
                new FieldViolation("page_token", "is not a token this list returned"));
        }
        catch (StoreUnavailableException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The store is unavailable; retry later."));
        }
    }

    /// <summary>Names the field whose value is taken, so the caller knows what to change.</summary>
    public static string AlreadyExists(DuplicateKeyException e) =>
        e.IndexName == DuplicateKeyException.IdIndexName || e.Fields.Count == 0
            ? "The resource already exists."
            : $"Another resource already has the same {string.Join(" and ", e.Fields)}.";

    /// <summary>ABORTED when the caller sent an etag that no longer matches; an empty etag means "last write wins".</summary>
    public static void RequireEtag(string sent, long version, string what)
    {
        if (sent.Length > 0 && sent != Etag(version))
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"{what} has changed since you read it (etag {sent}, now {Etag(version)}); read it again and retry."));
        }
    }

    /// <summary>The etag of a stored version: opaque to callers, but the store version is all it needs.</summary>
    public static string Etag(long version) => $"W/\"{version}\"";
}
