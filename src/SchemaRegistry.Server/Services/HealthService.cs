using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// Readiness: whether the database answers and the blob store answers and takes writes (and the quarantine location,
/// when it is kept apart with <c>--quarantine</c>).
/// </summary>
internal sealed class HealthService(IRegistryStorage storage, Pipelines.QuarantineStore quarantine)
{
    /// <summary>An S3 endpoint that does not answer would otherwise hold the probe for the SDK's retries.</summary>
    private static readonly TimeSpan BlobProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<Readiness> CheckAsync(CancellationToken ct)
    {
        var database = storage.PingAsync(ct);
        var blobs = ProbeAsync(storage.Blobs, ct);
        var quarantined = ReferenceEquals(quarantine.Blobs, storage.Blobs) ? blobs : ProbeAsync(quarantine.Blobs, ct);
        return new Readiness(await database, await blobs && await quarantined);
    }

    private static async Task<bool> ProbeAsync(IBlobStore store, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(BlobProbeTimeout);
        try
        {
            return await store.IsAvailableAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

/// <summary>What <c>/readyz</c> reports: each dependency's verdict, nothing that names it.</summary>
internal sealed record Readiness(bool Database, bool BlobStore)
{
    public bool Ready => Database && BlobStore;
}
