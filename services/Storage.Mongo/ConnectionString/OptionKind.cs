namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>How an option's value is validated and typed.</summary>
internal enum OptionKind
{
    String,
    Boolean,
    NonNegativeInt,
    PositiveInt,
    WriteConcernW,
    ReadPreferenceMode,
    TagSet,
    MechanismProperties,
    AuthMechanism,
}
