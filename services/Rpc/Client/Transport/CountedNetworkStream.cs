using System.Net.Sockets;

namespace CapacityHub.Rpc.Client.Transport;

/// <summary>A connection's stream that reports once when it closes, so open connections per address stay counted.</summary>
internal sealed class CountedNetworkStream(Socket socket, Action closed) : NetworkStream(socket, ownsSocket: true)
{
    private int _closed;

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            closed();
        }

        base.Dispose(disposing);
    }
}
