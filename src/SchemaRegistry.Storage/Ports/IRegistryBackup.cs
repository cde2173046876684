using SchemaRegistry.Storage.Backup;

namespace SchemaRegistry.Storage.Ports;

/// <summary>The whole registry (metadata and blobs) to and from one archive (<see cref="ArchiveLayout"/>).</summary>
public interface IRegistryBackup
{
    /// <summary>Streams an archive of one consistent snapshot of the database, then the blobs, to <paramref name="destination"/>.</summary>
    Task<ArchiveManifest> ExportAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// Restores an archive file into this store, which must hold no data: the archive's hashes are checked first, the
    /// rows written in one transaction, the ledger's chain checked and the blobs written before it commits.
    /// </summary>
    Task<ArchiveManifest> ImportAsync(string archivePath, CancellationToken cancellationToken);
}
