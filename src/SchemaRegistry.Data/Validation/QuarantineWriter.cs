using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Writes quarantined records, each exactly as it arrived (buffered: flush or dispose before the files are read), and beside it a manifest with one line per
/// record: its number in the source, its outcome and every reason. Records from NDJSON are NDJSON lines; from CSV
/// (a block with <see cref="Records.RecordBlock.HasRaw"/>) the file is CSV: the source's header row, then each row's
/// bytes as they arrived; from Parquet, the JSON object of the row's columns. Record i of the file matches line i of
/// the manifest.
/// </summary>
public sealed class QuarantineWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly NdjsonLineWriter _records;
    private readonly NdjsonLineWriter _manifest;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _writer;

    public QuarantineWriter(Stream records, Stream manifest)
    {
        _records = new NdjsonLineWriter(records);
        _manifest = new NdjsonLineWriter(manifest);
        // Each manifest line is built in memory and appended to the manifest's chunk: no stream call per record.
        _writer = new Utf8JsonWriter(_line, WriterOptions);
    }

    public long Count { get; private set; }

    /// <summary>Writes record <paramref name="index"/> of <paramref name="block"/>: its row as it arrived when the block has rows (CSV), else its JSON.</summary>
    public ValueTask WriteAsync(Records.RecordBlock block, int index, RecordOutcome outcome, IReadOnlyList<RecordReason> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        var record = block.Records[index];
        return block.HasRaw
            ? WriteRowAsync(block.RawHeader, block.Raw(index), record.Number, outcome, reasons, cancellationToken)
            : WriteAsync(block.JsonMemory(record), record.Number, outcome, reasons, cancellationToken);
    }

    /// <summary>Writes a CSV row as it arrived, after <paramref name="header"/> when it is the file's first.</summary>
    public async ValueTask WriteRowAsync(ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> row, long number, RecordOutcome outcome, IReadOnlyList<RecordReason> reasons,
        CancellationToken cancellationToken)
    {
        if (Count == 0)
        {
            await _records.WriteBytesAsync(header, cancellationToken);
        }
        await _records.WriteBytesAsync(row, cancellationToken);
        await WriteManifestAsync(number, outcome, reasons, cancellationToken);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> record, long number, RecordOutcome outcome, IReadOnlyList<RecordReason> reasons, CancellationToken cancellationToken)
    {
        await _records.WriteLineAsync(record, cancellationToken);
        await WriteManifestAsync(number, outcome, reasons, cancellationToken);
    }

    private async ValueTask WriteManifestAsync(long number, RecordOutcome outcome, IReadOnlyList<RecordReason> reasons, CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        _writer.Reset(_line);
        _writer.WriteStartObject();
        _writer.WriteNumber("record", number);
        _writer.WriteString("outcome", WireNames.Of(outcome));
        _writer.WriteStartArray("reasons");
        foreach (var reason in reasons)
        {
            _writer.WriteStartObject();
            _writer.WriteString("code", reason.Code);
            _writer.WriteString("keyword", reason.Keyword);
            _writer.WriteString("path", reason.Path);
            _writer.WriteString("message", reason.Message);
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        await _manifest.WriteLineAsync(_line.WrittenMemory, cancellationToken);
        Count++;
    }

    /// <summary>Hands everything written so far to the two streams and flushes them.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _records.FlushAsync(cancellationToken);
        await _manifest.FlushAsync(cancellationToken);
    }

    /// <summary>Flushes; the streams stay open (the caller owns them).</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _writer.DisposeAsync();
        _records.Dispose();
        _manifest.Dispose();
    }
}
