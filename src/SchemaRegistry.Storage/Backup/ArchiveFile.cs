namespace SchemaRegistry.Storage.Backup;

/// <summary>Checks of archive files for the tools that write and read them.</summary>
public static class ArchiveFile
{
    /// <summary>Reads the whole archive and checks every hash; returns its manifest, or throws BAK-1001.</summary>
    public static async Task<ArchiveManifest> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ArchiveReader.VerifyAsync(stream, cancellationToken);
    }
}
