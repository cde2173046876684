using System.Security.Cryptography;
using System.Text.Json;

namespace SchemaRegistry.Storage.Backup;

/// <summary>What one archive line is.</summary>
internal enum ArchiveLineKind
{
    PartHeader,
    Row,
    Manifest,
}

/// <summary>A line of an archive: a part's header (with its name), a row (its JSON bytes), or the checked manifest.</summary>
internal sealed record ArchiveLine(ArchiveLineKind Kind, string Part, byte[] Json, ArchiveManifest? Manifest = null);

/// <summary>
/// Reads an archive in order and checks it as it goes: the header's format and version, the parts in their order with
/// their columns, and at the manifest, every part's rows, bytes and SHA-256 and the content's SHA-256. Anything wrong
/// is BAK-1001. A consumer must not trust what it read until the manifest line has come back.
/// </summary>
internal sealed class ArchiveReader : IAsyncDisposable
{
    private readonly ArchiveLineReader _lines;
    private readonly IncrementalHash _content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IEnumerator<string> _expectedParts = ArchiveLayout.PartNames.GetEnumerator();
    private readonly List<ArchivePart> _parts = [];
    private IncrementalHash? _part;
    private string? _partName;
    private long _partRows;
    private long _partBytes;
    private bool _done;

    private ArchiveReader(Stream compressed, string source)
    {
        _lines = new ArchiveLineReader(compressed);
        Source = source;
    }

    /// <summary>The dialect the archive was exported from (from its header).</summary>
    public string Source { get; private set; }

    public static async Task<ArchiveReader> OpenAsync(Stream compressed, CancellationToken cancellationToken)
    {
        var reader = new ArchiveReader(compressed, "");
        var header = await reader._lines.ReadLineAsync(cancellationToken) ?? throw ArchiveErrors.Invalid("The archive is empty.");
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != ArchiveLayout.Format)
            {
                throw ArchiveErrors.Invalid($"The file is not a {ArchiveLayout.Format} (its first line does not say so).");
            }
            var version = root.GetProperty("format_version").GetInt32();
            if (version is < ArchiveLayout.OldestReadableVersion or > ArchiveLayout.FormatVersion)
            {
                throw ArchiveErrors.Invalid($"The archive has format version {version}; this build reads versions {ArchiveLayout.OldestReadableVersion} to {ArchiveLayout.FormatVersion}.");
            }
            reader.Source = root.TryGetProperty("source", out var source) ? source.GetString() ?? "" : "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw ArchiveErrors.Invalid($"The archive's header line is malformed: {e.Message}");
        }
        return reader;
    }

    /// <summary>Reads a whole archive and returns its manifest once every hash has been checked.</summary>
    public static async Task<ArchiveManifest> VerifyAsync(Stream compressed, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(compressed, cancellationToken);
        while (await reader.NextAsync(cancellationToken) is { } line)
        {
            if (line.Manifest is { } manifest)
            {
                return manifest;
            }
        }
        throw ArchiveErrors.Invalid("The archive ends before its manifest.");
    }

    /// <summary>The next line, or null after the manifest.</summary>
    public async Task<ArchiveLine?> NextAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return null;
        }
        var line = await _lines.ReadLineAsync(cancellationToken)
                   ?? throw ArchiveErrors.Invalid("The archive ends before its manifest (it was cut short).");
        if (line.Length > 0 && line[0] == (byte)'[')
        {
            if (_part is null)
            {
                throw ArchiveErrors.Invalid("The archive has a row before its first part header.");
            }
            _partRows++;
            Hash(line);
            return new ArchiveLine(ArchiveLineKind.Row, _partName!, line);
        }
        if (ArchiveManifestJson.Read(line) is { } manifest)
        {
            EndPart();
            Check(manifest);
            if (await _lines.ReadLineAsync(cancellationToken) is not null)
            {
                throw ArchiveErrors.Invalid("The archive has data after its manifest.");
            }
            _done = true;
            return new ArchiveLine(ArchiveLineKind.Manifest, "", line, manifest);
        }
        var (name, columns) = ParsePartHeader(line);
        EndPart();
        if (!_expectedParts.MoveNext() || _expectedParts.Current != name)
        {
            throw ArchiveErrors.Invalid($"The archive's part '{name}' is not the one expected here.");
        }
        if (!columns.SequenceEqual(ArchiveLayout.ColumnsOf(name)))
        {
            throw ArchiveErrors.Invalid($"The archive's part '{name}' has columns [{string.Join(", ", columns)}], not the ones this build restores.");
        }
        _part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _partName = name;
        _partRows = 0;
        _partBytes = 0;
        Hash(line);
        return new ArchiveLine(ArchiveLineKind.PartHeader, name, line);
    }

    public async ValueTask DisposeAsync()
    {
        await _lines.DisposeAsync();
        _content.Dispose();
        _part?.Dispose();
        _expectedParts.Dispose();
    }

    private void Hash(byte[] line)
    {
        _content.AppendData(line);
        _content.AppendData("\n"u8);
        _part!.AppendData(line);
        _part.AppendData("\n"u8);
        _partBytes += line.Length + 1;
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

    private void Check(ArchiveManifest manifest)
    {
        if (_expectedParts.MoveNext())
        {
            throw ArchiveErrors.Invalid($"The archive lacks the part '{_expectedParts.Current}'.");
        }
        if (manifest.Parts.Count != _parts.Count)
        {
            throw ArchiveErrors.Invalid($"The manifest lists {manifest.Parts.Count} parts; the archive holds {_parts.Count}.");
        }
        foreach (var (listed, read) in manifest.Parts.Zip(_parts))
        {
            if (listed != read)
            {
                throw ArchiveErrors.Invalid(
                    $"The archive's part '{read.Name}' ({read.Rows} rows, {read.Bytes} bytes, SHA-256 {read.Sha256}) is not what its manifest lists " +
                    $"({listed.Rows} rows, {listed.Bytes} bytes, SHA-256 {listed.Sha256}): the archive was changed or damaged.");
            }
        }
        var content = Convert.ToHexStringLower(_content.GetHashAndReset());
        if (content != manifest.Sha256)
        {
            throw ArchiveErrors.Invalid($"The archive's content hash {content} is not its manifest's {manifest.Sha256}: the archive was changed or damaged.");
        }
    }

    private static (string Name, IReadOnlyList<string> Columns) ParsePartHeader(byte[] line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var name = root.GetProperty("part").GetString() ?? throw new FormatException("part is null");
            var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            return (name, columns);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw ArchiveErrors.Invalid($"The archive has a line that is neither a row, a part header nor the manifest: {e.Message}");
        }
    }
}
