namespace CapacityHub.ServiceDefaults.Errors;

/// <summary>One invalid request field, reported to the caller as a google.rpc.BadRequest field violation.</summary>
public sealed record FieldViolation(string Field, string Description);
