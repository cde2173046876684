using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaRegistry.Storage.Backup;

/// <summary>
/// Writes an archive line by line into a gzip stream, hashing each part and the whole content as it goes. Only
/// asynchronous writes reach the destination (an HTTP response allows no other).
/// </summary>
internal sealed class ArchiveWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly GZipStream _gzip;
    private readonly ArrayBufferWriter<byte> _line = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private readonly IncrementalHash _content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<ArchivePart> _parts = [];
    private IncrementalHash? _part;
    private string? _partName;
    private long _partRows;
    private long _partBytes;

    private ArchiveWriter(Stream destination)
    {
        _gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        _json = new Utf8JsonWriter(_line, JsonOptions);
    }

    /// <summary>Starts an archive with its header line (export time and source: outside every hash).</summary>
    public static async Task<ArchiveWriter> StartAsync(Stream destination, string source, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var writer = new ArchiveWriter(destination);
        var json = writer.StartLine();
        json.WriteStartObject();
        json.WriteString("format", ArchiveLayout.Format);
        json.WriteNumber("format_version", ArchiveLayout.FormatVersion);
        json.WriteString("exported_at", exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("source", source);
        json.WriteEndObject();
        await writer.WriteLineAsync(hashed: false, cancellationToken);
        return writer;
    }

    /// <summary>Ends the current part, if any, and writes the next part's header line.</summary>
    public async Task BeginPartAsync(string name, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        EndPart();
        _part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _partName = name;
        _partRows = 0;
        _partBytes = 0;
        var json = StartLine();
        json.WriteStartObject();
        json.WriteString("part", name);
        json.WriteStartArray("columns");
        foreach (var column in columns)
        {
            json.WriteStringValue(column);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await WriteLineAsync(hashed: true, cancellationToken);
    }

    /// <summary>The JSON writer for the next row; the caller writes one array, then calls <see cref="EndRowAsync"/>.</summary>
    public Utf8JsonWriter StartLine()
    {
        _json.Flush();
        _line.ResetWrittenCount();
        _json.Reset(_line);
        return _json;
    }

    public async Task EndRowAsync(CancellationToken cancellationToken)
    {
        _partRows++;
        await WriteLineAsync(hashed: true, cancellationToken);
    }

    /// <summary>Ends the last part and writes the manifest line; returns the manifest.</summary>
    public async Task<ArchiveManifest> FinishAsync(long lastEventSequence, long lastAuditSequence, CancellationToken cancellationToken)
    {
        EndPart();
        var manifest = new ArchiveManifest(ArchiveLayout.FormatVersion, lastEventSequence, lastAuditSequence, _parts.ToList(),
            Convert.ToHexStringLower(_content.GetHashAndReset()));
        ArchiveManifestJson.Write(StartLine(), manifest);
        await WriteLineAsync(hashed: false, cancellationToken);
        await _gzip.FlushAsync(cancellationToken);
        return manifest;
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _gzip.DisposeAsync();
        _content.Dispose();
        _part?.Dispose();
    }

    private async Task WriteLineAsync(bool hashed, CancellationToken cancellationToken)
    {
        await _json.FlushAsync(cancellationToken);
        _line.Write("\n"u8);
        if (hashed)
        {
            _content.AppendData(_line.WrittenSpan);
            _part!.AppendData(_line.WrittenSpan);
            _partBytes += _line.WrittenCount;
        }
        await _gzip.WriteAsync(_line.WrittenMemory, cancellationToken);
    }

    private void EndPart()
    {
        if (_part is null)
        {
            return;
        }
        _parts.Add(new ArchivePart(_partName!, _partRows, _partBytes, Convert.ToHexStringLower(_part.GetHashAndReset())));
        _part.Dispose();
        _part = null;
    }
}
