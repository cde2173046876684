using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Writes quarantined records as NDJSON, each exactly as it arrived (buffered: flush or dispose before the files are read), and beside it a manifest with one line per
/// record: its number in the source, its outcome and every reason. Line i of one matches line i of the other.
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

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> record, long number, RecordOutcome outcome, IReadOnlyList<RecordReason> reasons, CancellationToken cancellationToken)
    {
        await _records.WriteLineAsync(record, cancellationToken);
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
