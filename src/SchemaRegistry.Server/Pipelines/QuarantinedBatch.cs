using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>A quarantined record read back: its bytes exactly as they arrived and its manifest line.</summary>
internal sealed record QuarantinedRecord(byte[] Json, byte[] ManifestLine, long Number, string Outcome);

/// <summary>Reads a batch's quarantine back, record and manifest line in step, streaming both blobs.</summary>
internal static class QuarantinedBatch
{
    public static async IAsyncEnumerable<QuarantinedRecord> ReadAsync(IBlobStore blobs, string key, [EnumeratorCancellation] CancellationToken cancellationToken)
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
                var line = manifestLines.Current;
                using var entry = JsonDocument.Parse(line);
                yield return new QuarantinedRecord(recordLines.Current, line,
                    entry.RootElement.GetProperty("record").GetInt64(), entry.RootElement.GetProperty("outcome").GetString() ?? "");
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
