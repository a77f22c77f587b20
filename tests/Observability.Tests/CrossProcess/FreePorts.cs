using System.Net;
using System.Net.Sockets;
using CapacityHub.LocalRun;

namespace CapacityHub.Observability.Tests.CrossProcess;

/// <summary>A base port whose local-run ports are all free now, so the test runs beside ./run.sh and other runs.</summary>
internal static class FreePorts
{
    public static int LocalRunBase()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var basePort = Random.Shared.Next(20_000, 40_000);
            if (ServiceDefinition.All(basePort).All(s => IsFree(s.GrpcPort) && (s.WebPort is not { } web || IsFree(web))))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("No free range of local-run ports found on 127.0.0.1.");
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
