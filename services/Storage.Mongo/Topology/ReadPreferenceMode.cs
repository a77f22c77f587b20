namespace CapacityHub.Storage.Mongo.Topology;

public enum ReadPreferenceMode
{
    Primary,
    PrimaryPreferred,
    Secondary,
    SecondaryPreferred,
    Nearest,
}
