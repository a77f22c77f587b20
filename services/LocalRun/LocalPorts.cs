using System.Net;
using System.Net.Sockets;

namespace CapacityHub.LocalRun;

/// <summary>
/// Port blocks for local systems started beside others (tests, benchmarks, another ./run.sh): a base port
/// is taken only when every port of <see cref="ServiceDefinition.All"/> counted from it is free now.
/// </summary>
public static class LocalPorts
{
    // Fixtures of one test assembly start their systems in parallel: a block handed out once is never
    // handed out again by this process, even before its system has bound the ports.
    private static readonly HashSet<int> HandedOut = [];

    public static int FreeBasePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var basePort = 20_000 + (Random.Shared.Next(0, 400) * 100);
            lock (HandedOut)
            {
                if (!HandedOut.Contains(basePort) && ServiceDefinition.All(basePort).All(s => IsFree(s.GrpcPort) && (s.WebPort is not { } web || IsFree(web))))
                {
                    HandedOut.Add(basePort);
                    return basePort;
                }
            }
        }

        throw new InvalidOperationException("No free block of loopback ports found for a local system.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
