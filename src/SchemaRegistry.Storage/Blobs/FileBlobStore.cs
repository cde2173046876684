using System.Globalization;
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

    /// <summary>
    /// The root must still exist (it is not re-created here: a removed or unmounted volume is an outage) and take a
    /// file, written and deleted at once.
    /// </summary>
    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!Directory.Exists(_root))
            {
                return Task.FromResult(false);
            }
            using (new FileStream(Path.Combine(_root, $".readyz{TempMarker}{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

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
        // '~' is never in a key (BlobKey), so a temporary file can be told from any blob, even one named "x.tmp". Its
        // writer (machine and process) is in the name, so a start-up can tell a crash's leftovers from writes in flight.
        var temp = $"{path}{TempMarker}{Writer}{TempMarker}{Guid.NewGuid():N}";
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
    /// Deletes the temporary files of writes a crash interrupted (names carrying '~'): those of a process of this machine
    /// that no longer runs (or of this very process's earlier life under the same id), and any not written to for
    /// <paramref name="staleAfter"/> (another machine's, or an older name). A write in flight elsewhere is left alone.
    /// Returns how many went.
    /// </summary>
    public int RemoveTemporaryFiles(TimeSpan staleAfter, DateTimeOffset now)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var parts = file.Name.Split(TempMarker);
            if (parts.Length < 2)
            {
                continue;
            }
            var crashed = parts.Length == 4 && parts[1] == Machine && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && (pid == Environment.ProcessId || !LocalProcess.IsRunning(pid));
            if (crashed || now - file.LastWriteTimeUtc > staleAfter)
            {
                file.Delete();
                removed++;
            }
        }
        return removed;
    }

    private static readonly string Machine = new(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    private static readonly string Writer = $"{Machine}{TempMarker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    private string PathOf(string key) => Path.Combine([_root, .. BlobKey.Segments(key)]);
}
