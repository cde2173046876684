namespace SchemaRegistry.Client;

/// <summary>How the resolver caches and retries.</summary>
public sealed record SchemaResolverOptions
{
    /// <summary>An alias (<c>:latest</c>, <c>:v1</c>) is served from cache this long, then revalidated (If-None-Match).</summary>
    public TimeSpan AliasRevalidateAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time for one request to the registry; exceeding it is PIPE-1001.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Further attempts after a timeout, a connection failure or a 5xx answer.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>First retry delay; it doubles per attempt, with jitter in [0.5, 1.5).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Serve the last known good copy when the registry cannot be reached (default on).</summary>
    public bool FallBackToLastKnownGood { get; init; } = true;
}
