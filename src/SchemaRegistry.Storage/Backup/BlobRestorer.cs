using System.Text.Json;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Backup;

/// <summary>
/// Writes the blobs part of an archive into a blob store: a key's chunks are gathered in a temporary file (memory
/// stays bounded whatever a blob's size), then stored in one put.
/// </summary>
internal sealed class BlobRestorer(IBlobStore blobs) : IAsyncDisposable
{
    private FileStream? _spool;
    private string? _key;
    private long _size;

    public int Restored { get; private set; }

    /// <summary>Adds one row <c>[key, offset, base64]</c>; rows of one key come in order, and a new key stores the previous one.</summary>
    public async Task AddAsync(byte[] row, CancellationToken cancellationToken)
    {
        var (key, offset, data) = Parse(row);
        if (key != _key)
        {
            await FlushAsync(cancellationToken);
            if (!ArchiveLayout.BlobPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                throw ArchiveErrors.Invalid($"The archive's blob '{key}' is outside the folders a backup restores.");
            }
            _key = key;
            _size = 0;
            _spool ??= new FileStream(Path.Combine(Path.GetTempPath(), $"schemareg-restore-{Guid.NewGuid():N}.blob"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            _spool.SetLength(0);
        }
        if (offset != _size)
        {
            throw ArchiveErrors.Invalid($"The archive's blob '{key}' has a chunk at offset {offset} where {_size} was expected.");
        }
        await _spool!.WriteAsync(data, cancellationToken);
        _size += data.Length;
    }

    /// <summary>Stores the blob being gathered, if any.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_key is null)
        {
            return;
        }
        _spool!.Position = 0;
        try
        {
            await blobs.PutAsync(_key, _spool, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw ArchiveErrors.Invalid($"The archive's blob key '{_key}' is not a valid key: {e.Message}");
        }
        _spool.SetLength(0);
        _key = null;
        Restored++;
    }

    public async ValueTask DisposeAsync()
    {
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
        }
    }

    private static (string Key, long Offset, byte[] Data) Parse(byte[] row)
    {
        try
        {
            var reader = new Utf8JsonReader(row);
            reader.Read();
            reader.Read();
            var key = reader.GetString() ?? throw new FormatException("the key is null");
            reader.Read();
            var offset = reader.GetInt64();
            reader.Read();
            var data = reader.GetBytesFromBase64();
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new FormatException("a blob row has three values");
            }
            return (key, offset, data);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw ArchiveErrors.Invalid($"A row of the archive's blobs is malformed: {e.Message}");
        }
    }
}
