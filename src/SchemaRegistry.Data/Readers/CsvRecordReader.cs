using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Reads RFC 4180 CSV (see <see cref="CsvTokenizer"/>) whose first row is the header, turning every data row into a
/// JSON object with one property per cell, in header order; records are numbered by data row from 1 (the header
/// and skipped empty lines not counted). A row with more fields than the header puts the extra ones under
/// <c>_extra_1</c>, <c>_extra_2</c>… (numbers a header name already uses are skipped); a row with fewer leaves the
/// missing trailing properties out. A UTF-8 byte order mark at the start is skipped; an empty source has no
/// records. Every record also keeps its row's bytes as they arrived (<see cref="RecordBlock.Raw"/>: quotes, embedded
/// line ends and its own line end included), and the block the header's (<see cref="RecordBlock.RawHeader"/>), for
/// a quarantine that keeps rows as they arrived. The caller keeps ownership of the stream.
/// </summary>
/// <remarks>
/// <para>A cell becomes a JSON value by the kinds the schema declares for its column:</para>
/// <list type="bullet">
/// <item>an empty unquoted cell is <c>null</c> when the kinds include null, else the property is left out
/// (a quoted empty cell <c>""</c> is text like any other, so it ends up as the empty string);</item>
/// <item>when the kinds include integer or fraction and the text is a JSON number, that number as written (an
/// integer-only column still gets <c>1.5</c>, for the validator to flag; nothing is rounded);</item>
/// <item>else when they include boolean and the text is <c>true</c> or <c>false</c> in any case, a boolean;</item>
/// <item>else when they include object (array) and the text is one valid JSON object (array), that JSON;</item>
/// <item>else a string, also when the kinds do not include string: text that fits no declared kind (<c>abc</c> in
/// a number column) is not dropped or coerced but passed on as a string, so the validator and the drift detector
/// see a string where a number is declared and report it.</item>
/// </list>
/// <para>A column the schema does not declare is inferred: a JSON number, <c>true</c>/<c>false</c> as a boolean,
/// else a string; an empty unquoted cell leaves the property out.</para>
/// <para>A cell holding invalid UTF-8 keeps its bytes in the record's string, so the validator finds the record
/// invalid (<see cref="Validation.Utf8Defect"/>) and the quarantine holds the bytes that arrived. A header that is
/// not UTF-8 text (a compressed or binary body) or is one JSON document (NDJSON sent as CSV) is a
/// <see cref="CsvFormatException"/>.</para>
/// </remarks>
public sealed class CsvRecordReader : IRecordReader
{
    internal const int DefaultBufferBytes = 256 * 1024;

    private readonly StreamBuffer _input;
    private readonly CsvTokenizer _tokenizer;
    private readonly IReadOnlyDictionary<string, ValueKinds> _columnKinds;
    private readonly RecordJsonWriter _writer = new();
    private readonly List<CsvColumn> _extraColumns = [];
    private readonly int _targetBytes;
    private readonly int _maxRecordBytes;
    private CsvColumn[]? _columns;
    private HashSet<string>? _headerNames;
    private byte[] _rawHeader = [];
    private long _row;
    private int _lastExtraNumber;
    private bool _started;

    /// <param name="stream">The CSV source, UTF-8.</param>
    /// <param name="columnKinds">The JSON kinds the schema declares for each top-level property.</param>
    /// <param name="delimiter">The field delimiter, an ASCII character other than a quote, CR or LF.</param>
    /// <param name="targetBytes">How many bytes of records one <see cref="ReadAsync"/> gathers, about.</param>
    /// <param name="maxRecordBytes">
    /// The longest row accepted (its raw text, line end excluded); a longer one throws
    /// <see cref="RecordTooLargeException"/> instead of being held in memory.
    /// </param>
    public CsvRecordReader(
        Stream stream,
        IReadOnlyDictionary<string, ValueKinds> columnKinds,
        char delimiter = ',',
        int targetBytes = RecordReaders.DefaultTargetBytes,
        int maxRecordBytes = RecordReaders.DefaultMaxRecordBytes)
        : this(stream, columnKinds, delimiter, targetBytes, maxRecordBytes, DefaultBufferBytes)
    {
    }

    internal CsvRecordReader(
        Stream stream,
        IReadOnlyDictionary<string, ValueKinds> columnKinds,
        char delimiter,
        int targetBytes,
        int maxRecordBytes,
        int bufferBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columnKinds);
        if (!char.IsAscii(delimiter) || delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The delimiter must be an ASCII character other than a quote, CR or LF.", nameof(delimiter));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        _columnKinds = columnKinds;
        _targetBytes = targetBytes;
        _maxRecordBytes = maxRecordBytes;
        _tokenizer = new CsvTokenizer((byte)delimiter);
        // Room for the longest row, its CRLF and the byte that shows it is too long.
        _input = new StreamBuffer(stream, bufferBytes, maxRecordBytes + 4);
    }

    public IReadOnlyList<SourceField> DeclaredFields => [];

    /// <summary>The read buffer's size now, for tests that check memory stays bounded.</summary>
    internal int BufferCapacity => _input.Capacity;

    /// <summary>The header row as it arrived (line end included, a byte order mark not); empty until it is read.</summary>
    public ReadOnlyMemory<byte> HeaderRow => _rawHeader;

    /// <summary>Reads the header row alone (when not read yet) and returns it as <see cref="HeaderRow"/> does; empty for an empty source.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        while (_columns is null)
        {
            if (TakeRows(null) == CsvParseStatus.End)
            {
                break;
            }
            if (_columns is null)
            {
                await FillAsync(cancellationToken);
            }
        }
        return _rawHeader;
    }

    public async ValueTask<bool> ReadAsync(RecordBlock block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        block.Clear();
        await StartAsync(cancellationToken);
        while (true)
        {
            var status = TakeRows(block);
            block.SetRawHeader(_rawHeader);
            switch (status)
            {
                case CsvParseStatus.Row:
                    return true;
                case CsvParseStatus.End:
                    return block.Count > 0;
            }
            await FillAsync(cancellationToken);
        }
    }

    private async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await _input.SkipByteOrderMarkAsync(cancellationToken);
            _started = true;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // Even if the next bytes ended the row, what is pending (less a CR) is already over the limit.
        if (_input.Length > _maxRecordBytes + 1)
        {
            throw new RecordTooLargeException(NextRecordNumber, _maxRecordBytes);
        }
        await _input.FillAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _input.Dispose();
        _tokenizer.Dispose();
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The number the row being parsed gets: 0 while it is the header.</summary>
    private long NextRecordNumber => _columns is null ? 0 : _row + 1;

    /// <summary>
    /// Moves the complete rows in the buffer to the block: <see cref="CsvParseStatus.Row"/> once the block reaches
    /// its target, <see cref="CsvParseStatus.End"/> at the end of the source, else
    /// <see cref="CsvParseStatus.NeedMoreData"/>. Without a block, stops (<see cref="CsvParseStatus.Row"/>) once the header is read.
    /// </summary>
    private CsvParseStatus TakeRows(RecordBlock? block)
    {
        var data = _input.Data;
        var offset = 0;
        try
        {
            while (true)
            {
                var row = data[offset..];
                switch (_tokenizer.Parse(row, _input.IsCompleted, out var consumed, out var rowLength))
                {
                    case CsvParseStatus.NeedMoreData:
                        return CsvParseStatus.NeedMoreData;
                    case CsvParseStatus.End:
                        return CsvParseStatus.End;
                    case CsvParseStatus.UnterminatedQuote:
                        throw new CsvFormatException(
                            $"A quoted field of CSV {(_columns is null ? "header" : $"row {_row + 1}")} is not closed before the end of the data.",
                            NextRecordNumber);
                    case CsvParseStatus.BlankLine:
                        offset += consumed;
                        continue;
                }
                if (rowLength > _maxRecordBytes)
                {
                    throw new RecordTooLargeException(NextRecordNumber, _maxRecordBytes);
                }
                if (_columns is null)
                {
                    ReadHeader(row[..rowLength]);
                    _rawHeader = row[..consumed].ToArray();
                }
                else if (block is null)
                {
                    return CsvParseStatus.Row;
                }
                else
                {
                    _row++;
                    WriteRecord(block, row[..rowLength]);
                    block.AddRaw(row[..consumed]);
                }
                offset += consumed;
                if (block is null || block.Length >= _targetBytes)
                {
                    return CsvParseStatus.Row;
                }
            }
        }
        finally
        {
            _input.Consume(offset);
        }
    }

    private void ReadHeader(ReadOnlySpan<byte> row)
    {
        var columns = new CsvColumn[_tokenizer.FieldCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (LooksLikeJson(row))
        {
            throw new CsvFormatException("The CSV header is a JSON document: is the body NDJSON sent as CSV?", 0);
        }
        for (var i = 0; i < columns.Length; i++)
        {
            var text = _tokenizer.Text(row, i);
            if (!Utf8.IsValid(text) || text.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
            {
                throw new CsvFormatException(
                    $"CSV header column {i + 1} is not UTF-8 text (it holds invalid UTF-8 or control bytes): is the body CSV, and not compressed?", 0, i + 1);
            }
            var name = Encoding.UTF8.GetString(text);
            if (name.Length == 0)
            {
                throw new CsvFormatException($"CSV header column {i + 1} has no name.", 0, i + 1);
            }
            if (!seen.TryAdd(name, i))
            {
                throw new CsvFormatException(
                    $"CSV header column {i + 1} repeats the name '{name}' of column {seen[name] + 1}.", 0, i + 1);
            }
            columns[i] = new CsvColumn(
                JsonEncodedText.Encode(name, RecordJsonWriter.Options.Encoder),
                _columnKinds.TryGetValue(name, out var kinds) ? kinds : null);
        }
        _headerNames = [.. seen.Keys];
        _columns = columns;
    }

    private void WriteRecord(RecordBlock block, ReadOnlySpan<byte> row)
    {
        var json = _writer.Json;
        var columns = _columns!;
        // One vectorised check per row; the cells are checked one by one only when it fails.
        var utf8 = Utf8.IsValid(row);
        json.WriteStartObject();
        for (var i = 0; i < _tokenizer.FieldCount; i++)
        {
            var column = i < columns.Length ? columns[i] : ExtraColumn(i - columns.Length);
            CsvCellWriter.Write(json, column, _tokenizer.Text(row, i), _tokenizer.Field(i).Quoted, utf8);
        }
        json.WriteEndObject();
        _writer.CommitTo(block, _row);
    }

    /// <summary>True when the header row is one JSON object or array, as the first line of NDJSON is.</summary>
    private static bool LooksLikeJson(ReadOnlySpan<byte> header)
    {
        var text = header.Trim(" \t"u8);
        if (text.IsEmpty || text[0] is not ((byte)'{' or (byte)'['))
        {
            return false;
        }
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The column for the <paramref name="index"/>-th field (from 0) past the header's last.</summary>
    private CsvColumn ExtraColumn(int index)
    {
        while (_extraColumns.Count <= index)
        {
            string name;
            do
            {
                name = $"_extra_{++_lastExtraNumber}";
            }
            while (_headerNames!.Contains(name));
            _extraColumns.Add(new CsvColumn(JsonEncodedText.Encode(name), null));
        }
        return _extraColumns[index];
    }
}
