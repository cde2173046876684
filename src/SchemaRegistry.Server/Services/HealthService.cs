using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>Readiness: whether the database answers.</summary>
internal sealed class HealthService(IRegistryStorage storage)
{
    public Task<bool> IsReadyAsync(CancellationToken ct) => storage.PingAsync(ct);
}
