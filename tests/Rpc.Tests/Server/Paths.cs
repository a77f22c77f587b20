namespace CapacityHub.Rpc.Tests.Server;

internal static class Paths
{
    public const string Echo = "/capacityhub.rpctest.v1.EchoService/Echo";
    public const string Expand = "/capacityhub.rpctest.v1.EchoService/Expand";
    public const string Collect = "/capacityhub.rpctest.v1.EchoService/Collect";
    public const string Chat = "/capacityhub.rpctest.v1.EchoService/Chat";
    public const string NotImplementedHere = "/capacityhub.rpctest.v1.EchoService/NotImplementedHere";
}
