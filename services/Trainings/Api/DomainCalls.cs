using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Storage;
using CapacityHub.Trainings.Storage;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Turns domain refusals into the statuses callers can act on: bad input is INVALID_ARGUMENT with field
/// violations, a rule of the current state is FAILED_PRECONDITION with the rule's own words, a missing
/// nomination or training is NOT_FOUND; store failures are mapped by <see cref="StoreFailures"/>.
/// </summary>
public static class DomainCalls
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await StoreFailures.Guard(async () =>
            {
                try
                {
                    return await call();
                }
                catch (DocumentNotFoundException e) when (e.Collection == TrainingsCollections.Trainings.Name)
                {
                    // The store says which document is missing; callers know it as a resource name.
                    throw new RpcException(new Status(StatusCode.NotFound, $"Training {TrainingResources.TrainingName(e.Id)} does not exist."));
                }
            });
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
