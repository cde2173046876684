using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Blobs;

/// <summary>Blobs as files under a root folder; writes go to a temporary file first and are renamed into place.</summary>
internal sealed class FileBlobStore : IBlobStore
{
    private const char TempMarker = '~';
    private readonly string _root;

    public FileBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAsync(key, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        WriteAsync(key, (stream, ct) => content.CopyToAsync(stream, 1 << 16, ct), cancellationToken);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    private async Task WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // '~' is never in a key (BlobKey), so a temporary file can be told from any blob, even one named "x.tmp".
        var temp = $"{path}{TempMarker}{Guid.NewGuid():N}";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = Path.Combine([_root, .. BlobKey.Segments(prefix, allowEmpty: true)]);
        IReadOnlyList<string> keys = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Contains(TempMarker, StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(keys);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Deletes the temporary files of writes a crash interrupted (names carrying '~'), when not written to for
    /// <paramref name="olderThan"/> (a write in flight, perhaps by another process sharing the folder, is left alone);
    /// returns how many.
    /// </summary>
    public int RemoveTemporaryFiles(TimeSpan olderThan, DateTimeOffset now)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.Name.Contains(TempMarker, StringComparison.Ordinal) && now - file.LastWriteTimeUtc > olderThan)
            {
                file.Delete();
                removed++;
            }
        }
        return removed;
    }

    private string PathOf(string key) => Path.Combine([_root, .. BlobKey.Segments(key)]);
}
