using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> over a pooled scratch buffer, reused for every record a reader builds: write a
/// record with <see cref="Json"/>, then <see cref="CommitTo"/> copies it into the block.
/// </summary>
internal sealed class RecordJsonWriter : IDisposable
{
    /// <summary>
    /// Relaxed escaping keeps non-ASCII text as UTF-8 (smaller, faster); quotes, backslashes and control characters
    /// are still escaped. Validation is off: the readers emit well-formed structure themselves.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly PooledBufferWriter _buffer = new();

    public RecordJsonWriter() => Json = new Utf8JsonWriter(_buffer, Options);

    public Utf8JsonWriter Json { get; }

    public void CommitTo(RecordBlock block, long number)
    {
        Json.Flush();
        block.Add(number, _buffer.WrittenSpan);
        _buffer.Clear();
        Json.Reset();
    }

    public void Dispose()
    {
        Json.Dispose();
        _buffer.Dispose();
    }
}
