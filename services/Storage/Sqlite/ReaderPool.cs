using System.Threading.Channels;

namespace CapacityHub.Storage.Sqlite;

/// <summary>A fixed set of read connections; WAL lets them read committed data while the writer works.</summary>
internal sealed class ReaderPool : IDisposable
{
    private readonly Channel<SqliteSlot> idle;
    private readonly List<SqliteSlot> all = [];

    public ReaderPool(SqliteStoreOptions options)
    {
        var size = Math.Max(1, options.Readers);
        idle = Channel.CreateBounded<SqliteSlot>(size);
        try
        {
            for (var i = 0; i < size; i++)
            {
                var slot = SqliteConnections.Open(options, readOnly: true);
                all.Add(slot);
                idle.Writer.TryWrite(slot);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public async Task<TResult> ReadAsync<TResult>(Func<SqliteSlot, TResult> read, CancellationToken cancellationToken)
    {
        var slot = await idle.Reader.ReadAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return read(slot);
        }
        finally
        {
            idle.Writer.TryWrite(slot);
        }
    }

    public void Dispose()
    {
        idle.Writer.TryComplete();
        foreach (var slot in all)
        {
            slot.Dispose();
        }
    }
}
