using Microsoft.Extensions.Logging;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>Writes the whole registry as one backup archive to a stream, while the registry keeps serving.</summary>
internal sealed class BackupService(IRegistryStorage storage, ILoggerFactory loggers)
{
    public async Task ExportAsync(Stream destination, CancellationToken ct)
    {
        var manifest = await storage.Backup.ExportAsync(destination, ct);
        loggers.CreateLogger("SchemaRegistry.Backup").LogInformation(
            "Exported the registry: {Events} events up to sequence {LastEvent}, {Ledger} ledger entries, {Blobs} blob rows, content SHA-256 {Sha256}",
            manifest.RowsOf("events"), manifest.LastEventSequence, manifest.RowsOf("audit_log"), manifest.RowsOf("blobs"), manifest.Sha256);
    }
}
