using System.Net;
using System.Net.Sockets;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// A LocalRun base port whose five ports (base+1..3, base+80, base+81) are free right now: other engineers
/// run their own local systems on this machine, and a benchmark that reaches theirs measures nonsense.
/// </summary>
public static class FreePorts
{
    private static readonly int[] Offsets = [1, 2, 3, 80, 81];

    public static int FindBase()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = 20_000 + (Random.Shared.Next(0, 100) * 100);
            if (Offsets.All(o => IsFree(candidate + o)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no free base port found; pass --base-port");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
