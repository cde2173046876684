using Npgsql;

namespace SchemaRegistry.Bench;

/// <summary>
/// Samples PostgreSQL's <c>pg_locks</c> every few milliseconds for the registry's events lock (advisory lock 4242002,
/// taken by every event-writing transaction and held until its commit): the share of samples in which some
/// transaction held it, and how many waited for it on average. A lock held nearly all the time with a queue behind
/// it is the ceiling on writes.
/// </summary>
internal sealed class EventLockSampler : IAsyncDisposable
{
    private const string Sql =
        "SELECT COUNT(*) FILTER (WHERE granted), COUNT(*) FILTER (WHERE NOT granted) FROM pg_locks " +
        "WHERE locktype = 'advisory' AND classid = 0 AND objid = 4242002 AND objsubid = 1";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _samples, _held, _waiters;

    private EventLockSampler(string connectionString, TimeSpan interval) => _loop = Task.Run(() => LoopAsync(connectionString, interval));

    public static EventLockSampler Start(string connectionString) => new(connectionString, TimeSpan.FromMilliseconds(5));

    public sealed record Result(long Samples, double HeldShare, double MeanWaiters);

    public async Task<Result> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        var samples = Interlocked.Read(ref _samples);
        return new Result(samples, samples == 0 ? double.NaN : (double)_held / samples, samples == 0 ? double.NaN : (double)_waiters / samples);
    }

    private async Task LoopAsync(string connectionString, TimeSpan interval)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(_stop.Token);
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.PrepareAsync(_stop.Token);
        while (!_stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
            {
                await reader.ReadAsync(_stop.Token);
                if (reader.GetInt64(0) > 0)
                {
                    _held++;
                }
                _waiters += reader.GetInt64(1);
                Interlocked.Increment(ref _samples);
            }
            await Task.Delay(interval, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}
