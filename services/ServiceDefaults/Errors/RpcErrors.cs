using CapacityHub.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CapacityHub.ServiceDefaults.Errors;

/// <summary>
/// The one way CapacityHub builds and reads rich errors: google.rpc.Status with a google.rpc.BadRequest
/// listing every offending field, sent and read as grpc-status-details-bin by Grpc.StatusProto.
/// </summary>
public static class RpcErrors
{
    extension(RpcException exception)
    {
        /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing each offending field.</summary>
        public static RpcException InvalidArgument(string message, params FieldViolation[] violations)
        {
            var badRequest = new BadRequest();
            foreach (var violation in violations)
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
                {
                    Field = violation.Field,
                    Description = violation.Description,
                });
            }

            var status = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = message };
            status.Details.Add(Any.Pack(badRequest));
            return status.ToRpcException();
        }

        /// <summary>The status message alone (the exception's Message also names the code).</summary>
        public string Detail => exception.Status.Detail;

        /// <summary>The field violations carried in the call's google.rpc.Status, if any.</summary>
        public IReadOnlyList<FieldViolation> FieldViolations() =>
            exception.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
                ? [.. badRequest.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description))]
                : [];
    }
}
