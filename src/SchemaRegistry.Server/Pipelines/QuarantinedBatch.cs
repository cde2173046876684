using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// A quarantined record read back with its manifest line: its JSON (an NDJSON record's bytes exactly as they arrived);
/// for a CSV batch also its <see cref="Row"/> as it arrived and the batch's <see cref="Header"/> row.
/// </summary>
internal sealed record QuarantinedRecord(byte[] Json, byte[] ManifestLine, long Number, string Outcome)
{
    public byte[]? Row { get; init; }

    public byte[]? Header { get; init; }
}

/// <summary>Reads a batch's quarantine back, record and manifest line in step, streaming both blobs.</summary>
internal static class QuarantinedBatch
{
    /// <param name="batchFormat">The batch's recorded format: a CSV batch's rows are read with <paramref name="columnKinds"/>, the kinds of the version they are checked against.</param>
    public static IAsyncEnumerable<QuarantinedRecord> ReadAsync(IBlobStore blobs, string key, string batchFormat, IReadOnlyDictionary<string, ValueKinds> columnKinds,
        CancellationToken cancellationToken) =>
        QuarantineKeys.RecordsSuffixOf(batchFormat) == QuarantineKeys.CsvRecordsSuffix
            ? ReadCsvAsync(blobs, key, columnKinds, cancellationToken)
            : ReadNdjsonAsync(blobs, key, cancellationToken);

    /// <summary>The header row of a CSV batch's quarantine as stored (null when the file is gone).</summary>
    public static async Task<byte[]?> ReadCsvHeaderAsync(IBlobStore blobs, string key, CancellationToken cancellationToken)
    {
        await using var records = await blobs.OpenReadAsync(key + QuarantineKeys.CsvRecordsSuffix, cancellationToken);
        if (records is null)
        {
            return null;
        }
        await using var reader = new CsvRecordReader(records, new Dictionary<string, ValueKinds>());
        return (await reader.ReadHeaderAsync(cancellationToken)).ToArray();
    }

    private static async IAsyncEnumerable<QuarantinedRecord> ReadCsvAsync(IBlobStore blobs, string key, IReadOnlyDictionary<string, ValueKinds> columnKinds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var records = await blobs.OpenReadAsync(key + QuarantineKeys.CsvRecordsSuffix, cancellationToken);
        await using var manifest = await blobs.OpenReadAsync(key + QuarantineKeys.ManifestSuffix, cancellationToken);
        if (records is null || manifest is null)
        {
            yield break;
        }
        await using var reader = new CsvRecordReader(records, columnKinds);
        var manifestLines = Lines(manifest, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            var block = new RecordBlock(1 << 16);
            byte[]? header = null;
            while (await reader.ReadAsync(block, cancellationToken))
            {
                header ??= block.RawHeader.ToArray();
                for (var i = 0; i < block.Count; i++)
                {
                    if (!await manifestLines.MoveNextAsync())
                    {
                        yield break;
                    }
                    yield return Record(block.Json(block.Records[i]).ToArray(), manifestLines.Current) with { Row = block.Raw(i).ToArray(), Header = header };
                }
            }
        }
        finally
        {
            await manifestLines.DisposeAsync();
        }
    }

    private static QuarantinedRecord Record(byte[] json, byte[] manifestLine)
    {
        using var entry = JsonDocument.Parse(manifestLine);
        return new QuarantinedRecord(json, manifestLine, entry.RootElement.GetProperty("record").GetInt64(), entry.RootElement.GetProperty("outcome").GetString() ?? "");
    }

    private static async IAsyncEnumerable<QuarantinedRecord> ReadNdjsonAsync(IBlobStore blobs, string key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var records = await blobs.OpenReadAsync(key + QuarantineKeys.RecordsSuffix, cancellationToken);
        await using var manifest = await blobs.OpenReadAsync(key + QuarantineKeys.ManifestSuffix, cancellationToken);
        if (records is null || manifest is null)
        {
            yield break;
        }
        var recordLines = Lines(records, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var manifestLines = Lines(manifest, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await recordLines.MoveNextAsync() && await manifestLines.MoveNextAsync())
            {
                yield return Record(recordLines.Current, manifestLines.Current);
            }
        }
        finally
        {
            await recordLines.DisposeAsync();
            await manifestLines.DisposeAsync();
        }
    }

    /// <summary>Lines as bytes (no decoding, so a record that is not UTF-8 text comes back unchanged).</summary>
    private static async IAsyncEnumerable<byte[]> Lines(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var pending = new ArrayBufferWriter<byte>();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var start = 0;
                for (var newline = Array.IndexOf(buffer, (byte)'\n', 0, read); newline >= 0; newline = Array.IndexOf(buffer, (byte)'\n', start, read - start))
                {
                    pending.Write(buffer.AsSpan(start, newline - start));
                    yield return pending.WrittenSpan.ToArray();
                    pending.Clear();
                    start = newline + 1;
                }
                pending.Write(buffer.AsSpan(start, read - start));
            }
            if (pending.WrittenCount > 0)
            {
                yield return pending.WrittenSpan.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
