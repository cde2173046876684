using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Where quarantined records are kept. By default the blob store, under <c>quarantine/</c>; with
/// <c>Registry:Quarantine</c> a location of its own (the seeds keep <c>s3://warehouse/quarantine/</c> apart from
/// <c>s3://registry/schemas/</c>), where the same keys lose their <c>quarantine/</c> part, so that
/// <c>aws s3 ls s3://warehouse/quarantine/finance/gdp/invoice/</c> lists a subject's records. Keys in the database keep
/// the <c>quarantine/</c> form either way: moving the location is a copy of files, not a migration of rows.
/// </summary>
internal sealed class QuarantineStore : IDisposable
{
    private const string Folder = "quarantine/";
    private readonly IBlobStore? _own;

    public QuarantineStore(IRegistryStorage storage, (IBlobStore Store, string Description)? own)
    {
        _own = own?.Store;
        Blobs = own is { } separate ? new PrefixMappedBlobs(separate.Store, Folder) : storage.Blobs;
        Description = own?.Description ?? storage.BlobsDescription;
        Root = own is null ? Folder : "";
    }

    /// <summary>Quarantine files by their database key (<c>quarantine/finance/gdp/invoice/…</c>).</summary>
    public IBlobStore Blobs { get; }

    /// <summary>The location, for logs and answers (never with secrets).</summary>
    public string Description { get; }

    /// <summary>What a database key starts with in the location itself: <c>quarantine/</c> in the blob store, nothing in a location of its own.</summary>
    private string Root { get; }

    /// <summary>Where a key's file is, as an operator lists it: <c>s3://warehouse/quarantine/finance/gdp/invoice/…</c> or a file path.</summary>
    public string Locate(string key)
    {
        var (ns, name) = Events.OpenLineageEvents.QuarantineLocation(Description, InStore(key));
        return ns == "file" ? name : ns + name;
    }

    /// <summary>A database key as the location itself names it.</summary>
    public string InStore(string key) => Root.Length == 0 && key.StartsWith(Folder, StringComparison.Ordinal) ? key[Folder.Length..] : key;

    /// <summary>
    /// Stores a batch's spooled quarantine (records, then manifest) under a fresh key of the run's folder; returns the key.
    /// <paramref name="recordsSuffix"/> is <see cref="QuarantineKeys.RecordsSuffixOf"/> the batch's format.
    /// </summary>
    public async Task<string> StoreBatchAsync(Core.Pipelines.RunRecord run, int batch, SpoolFolder spool, string recordsSuffix, CancellationToken cancellationToken)
    {
        var key = QuarantineKeys.Batch(run, batch);
        await PutFileAsync(spool.Records, key + recordsSuffix, cancellationToken);
        await PutFileAsync(spool.Manifest, key + QuarantineKeys.ManifestSuffix, cancellationToken);
        return key;
    }

    /// <summary>Stores a spooled file under a key, streamed.</summary>
    private async Task PutFileAsync(string path, string key, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await Blobs.PutAsync(key, stream, cancellationToken);
    }

    /// <summary>Deletes a batch's records and manifest (a batch refused after its files were stored).</summary>
    public async Task DeleteBatchAsync(string key)
    {
        foreach (var suffix in QuarantineKeys.AllRecordsSuffixes)
        {
            await Blobs.DeleteAsync(key + suffix, CancellationToken.None);
        }
        await Blobs.DeleteAsync(key + QuarantineKeys.ManifestSuffix, CancellationToken.None);
    }

    /// <summary>Start-up hygiene of a location of its own (the blob store's is done with the blob store); returns how many files.</summary>
    public int RemoveTemporaryFiles(TimeSpan olderThan) => _own is null ? 0 : Storage.RegistryStorage.RemoveTemporaryBlobs(_own, olderThan);

    public void Dispose() => (_own as IDisposable)?.Dispose();

    /// <summary>A store whose keys are written without a leading folder: <c>quarantine/a/b</c> is <c>a/b</c> in it.</summary>
    private sealed class PrefixMappedBlobs(IBlobStore inner, string folder) : IBlobStore
    {
        private string Map(string key) => key.StartsWith(folder, StringComparison.Ordinal) ? key[folder.Length..] : key;

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(Map(key), content, cancellationToken);

        public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(Map(key), content, cancellationToken);

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(Map(key), cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(Map(key), cancellationToken);

        public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
            (await inner.ListAsync(Map(prefix), cancellationToken)).Select(key => folder + key).ToList();

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(Map(key), cancellationToken);

        public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => inner.IsAvailableAsync(cancellationToken);
    }
}
