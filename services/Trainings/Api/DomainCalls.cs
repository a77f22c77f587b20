using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Turns domain refusals into the statuses callers can act on: bad input is INVALID_ARGUMENT with field
/// violations, a rule of the current state is FAILED_PRECONDITION with the rule's own words, a missing
/// nomination is NOT_FOUND; store failures are mapped by <see cref="StoreFailures"/>.
/// </summary>
public static class DomainCalls
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await StoreFailures.Guard(call);
        }
        catch (DomainValidationException e)
        {
            throw RpcException.InvalidArgument(
                $"invalid request: {e.Message}",
                e.Errors.Select(f => new FieldViolation(f.Field, f.Description)).ToArray());
        }
        catch (DomainRuleException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
        catch (NominationNotFoundException e)
        {
            throw new RpcException(new Status(StatusCode.NotFound, e.Message));
        }
    }
}
