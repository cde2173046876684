namespace SchemaRegistry.Server.Metrics;

/// <summary>What the service-level tiles need over the last hour.</summary>
/// <param name="Requests">API requests answered.</param>
/// <param name="Failures">Of those, answered 5xx.</param>
/// <param name="LatencyP95Ms">Upper bound of the bucket holding the 95th percentile (null without requests).</param>
/// <param name="CacheLookups">Schema cache look-ups.</param>
/// <param name="CacheHits">Of those, hits.</param>
public sealed record ServiceLevelSnapshot(long Requests, long Failures, double? LatencyP95Ms, long CacheLookups, long CacheHits);

/// <summary>
/// A rolling hour of request latency, 5xx answers and cache look-ups, in one-minute slots (Prometheus keeps the
/// long history; this is only for the console's overview). Process-wide like <see cref="RegistryMetrics"/>.
/// </summary>
public static class ServiceLevelWindow
{
    /// <summary>Latency bucket upper bounds in ms; the last catches everything slower.</summary>
    public static readonly double[] Bounds = [1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 1000, 2000, 5000, double.PositiveInfinity];

    private const int Slots = 60;
    private static readonly object Gate = new();
    private static readonly long[] Minutes = new long[Slots];
    private static readonly long[] Requests = new long[Slots];
    private static readonly long[] Failures = new long[Slots];
    private static readonly long[] CacheLookups = new long[Slots];
    private static readonly long[] CacheHits = new long[Slots];
    private static readonly long[,] Latency = new long[Slots, Bounds.Length];

    public static void Request(double milliseconds, int status, DateTimeOffset now)
    {
        var slot = Slot(now);
        Interlocked.Increment(ref Requests[slot]);
        if (status >= 500)
        {
            Interlocked.Increment(ref Failures[slot]);
        }
        var bucket = 0;
        while (milliseconds > Bounds[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref Latency[slot, bucket]);
    }

    public static void CacheLookup(bool hit, DateTimeOffset now)
    {
        var slot = Slot(now);
        Interlocked.Increment(ref CacheLookups[slot]);
        if (hit)
        {
            Interlocked.Increment(ref CacheHits[slot]);
        }
    }

    public static ServiceLevelSnapshot Snapshot(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        long requests = 0, failures = 0, lookups = 0, hits = 0;
        var latency = new long[Bounds.Length];
        for (var slot = 0; slot < Slots; slot++)
        {
            if (minute - Volatile.Read(ref Minutes[slot]) >= Slots)
            {
                continue;
            }
            requests += Volatile.Read(ref Requests[slot]);
            failures += Volatile.Read(ref Failures[slot]);
            lookups += Volatile.Read(ref CacheLookups[slot]);
            hits += Volatile.Read(ref CacheHits[slot]);
            for (var bucket = 0; bucket < Bounds.Length; bucket++)
            {
                latency[bucket] += Volatile.Read(ref Latency[slot, bucket]);
            }
        }
        double? p95 = null;
        var total = latency.Sum();
        if (total > 0)
        {
            long seen = 0;
            for (var bucket = 0; bucket < Bounds.Length; bucket++)
            {
                seen += latency[bucket];
                if (seen * 100 >= total * 95)
                {
                    p95 = Bounds[bucket];
                    break;
                }
            }
        }
        return new ServiceLevelSnapshot(requests, failures, p95, lookups, hits);
    }

    /// <summary>The slot of <paramref name="now"/>'s minute, emptied first when it last held a minute an hour or more ago.</summary>
    private static int Slot(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Slots);
        if (Volatile.Read(ref Minutes[slot]) != minute)
        {
            lock (Gate)
            {
                if (Minutes[slot] != minute)
                {
                    Requests[slot] = Failures[slot] = CacheLookups[slot] = CacheHits[slot] = 0;
                    for (var bucket = 0; bucket < Bounds.Length; bucket++)
                    {
                        Latency[slot, bucket] = 0;
                    }
                    Volatile.Write(ref Minutes[slot], minute);
                }
            }
        }
        return slot;
    }
}
