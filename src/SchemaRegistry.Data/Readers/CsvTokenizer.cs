using System.Buffers;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Splits RFC 4180 CSV into rows and fields over UTF-8 bytes: a configurable delimiter, double-quoted fields with
/// <c>""</c> for a quote, quoted fields spanning lines, LF, CRLF or a lone CR ending a row. It is lenient where
/// the RFC is silent: a quote inside an unquoted field is text, and text after a closing quote (<c>"ab"cd</c>) is
/// appended to the field. Field text is sliced from the parsed data; only a field whose quotes were unescaped is
/// copied, into a reused scratch buffer.
/// </summary>
internal sealed class CsvTokenizer : IDisposable
{
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _stops;
    private CsvField[] _fields = new CsvField[16];
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(1024);
    private int _scratchLength;

    public CsvTokenizer(byte delimiter)
    {
        _delimiter = delimiter;
        _stops = SearchValues.Create([delimiter, (byte)'\r', (byte)'\n']);
    }

    public int FieldCount { get; private set; }

    public CsvField Field(int index) => _fields[index];

    /// <summary>The text of field <paramref name="index"/> of the row parsed from <paramref name="data"/>.</summary>
    public ReadOnlySpan<byte> Text(ReadOnlySpan<byte> data, int index)
    {
        var field = _fields[index];
        return field.InScratch ? _scratch.AsSpan(field.Start, field.Length) : data.Slice(field.Start, field.Length);
    }

    /// <summary>
    /// Parses the row at the start of <paramref name="data"/>. On <see cref="CsvParseStatus.Row"/> and
    /// <see cref="CsvParseStatus.BlankLine"/>, <paramref name="consumed"/> is the bytes to skip (line end included)
    /// and <paramref name="rowLength"/> the row's bytes without its line end.
    /// </summary>
    /// <param name="isFinalBlock">True when no more data will follow <paramref name="data"/>.</param>
    public CsvParseStatus Parse(ReadOnlySpan<byte> data, bool isFinalBlock, out int consumed, out int rowLength)
    {
        consumed = 0;
        rowLength = 0;
        FieldCount = 0;
        _scratchLength = 0;
        if (data.IsEmpty)
        {
            return isFinalBlock ? CsvParseStatus.End : CsvParseStatus.NeedMoreData;
        }
        if (data[0] is (byte)'\r' or (byte)'\n')
        {
            return LineEnd(data, 0, isFinalBlock, ref consumed) ? CsvParseStatus.BlankLine : CsvParseStatus.NeedMoreData;
        }
        var position = 0;
        while (true)
        {
            if (position < data.Length && data[position] == (byte)'"')
            {
                var status = ParseQuoted(data, ref position, isFinalBlock);
                if (status != CsvParseStatus.Row)
                {
                    return status;
                }
            }
            else
            {
                var stop = data[position..].IndexOfAny(_stops);
                if (stop < 0)
                {
                    if (!isFinalBlock)
                    {
                        return CsvParseStatus.NeedMoreData;
                    }
                    stop = data.Length - position;
                }
                Add(new CsvField(position, stop, Quoted: false, InScratch: false));
                position += stop;
            }
            if (position < data.Length && data[position] == _delimiter)
            {
                position++;
                continue;
            }
            rowLength = position;
            if (position == data.Length)
            {
                if (!isFinalBlock)
                {
                    return CsvParseStatus.NeedMoreData;
                }
                consumed = position;
                return CsvParseStatus.Row;
            }
            return LineEnd(data, position, isFinalBlock, ref consumed) ? CsvParseStatus.Row : CsvParseStatus.NeedMoreData;
        }
    }

    public void Dispose()
    {
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }
    }

    /// <summary>Consumes the line end (LF, CRLF or CR) at <paramref name="position"/>; false when a CR might be followed by an LF not read yet.</summary>
    private static bool LineEnd(ReadOnlySpan<byte> data, int position, bool isFinalBlock, ref int consumed)
    {
        if (data[position] == (byte)'\n')
        {
            consumed = position + 1;
            return true;
        }
        if (position + 1 == data.Length)
        {
            consumed = position + 1;
            return isFinalBlock;
        }
        consumed = data[position + 1] == (byte)'\n' ? position + 2 : position + 1;
        return true;
    }

    /// <summary>Parses the quoted field whose opening quote is at <paramref name="position"/>, leaving it after the field.</summary>
    private CsvParseStatus ParseQuoted(ReadOnlySpan<byte> data, ref int position, bool isFinalBlock)
    {
        var start = position + 1;
        var end = start;
        var escaped = false;
        while (true)
        {
            var quote = data[end..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return isFinalBlock ? CsvParseStatus.UnterminatedQuote : CsvParseStatus.NeedMoreData;
            }
            end += quote;
            if (end + 1 == data.Length)
            {
                if (!isFinalBlock)
                {
                    // The next byte may be a second quote, making this one an escape.
                    return CsvParseStatus.NeedMoreData;
                }
                break;
            }
            if (data[end + 1] != (byte)'"')
            {
                break;
            }
            escaped = true;
            end += 2;
        }
        position = end + 1;
        var trailing = 0;
        if (position < data.Length && data[position] is not ((byte)'\r' or (byte)'\n') && data[position] != _delimiter)
        {
            trailing = data[position..].IndexOfAny(_stops);
            if (trailing < 0)
            {
                if (!isFinalBlock)
                {
                    return CsvParseStatus.NeedMoreData;
                }
                trailing = data.Length - position;
            }
        }
        if (!escaped && trailing == 0)
        {
            Add(new CsvField(start, end - start, Quoted: true, InScratch: false));
        }
        else
        {
            var scratchStart = _scratchLength;
            Unescape(data[start..end]);
            Append(data.Slice(position, trailing));
            Add(new CsvField(scratchStart, _scratchLength - scratchStart, Quoted: true, InScratch: true));
        }
        position += trailing;
        return CsvParseStatus.Row;
    }

    private void Unescape(ReadOnlySpan<byte> quoted)
    {
        while (true)
        {
            var quote = quoted.IndexOf((byte)'"');
            if (quote < 0)
            {
                Append(quoted);
                return;
            }
            Append(quoted[..(quote + 1)]);
            quoted = quoted[(quote + 2)..];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_scratchLength + bytes.Length > _scratch.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_scratch.Length * 2, _scratchLength + bytes.Length));
            _scratch.AsSpan(0, _scratchLength).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = grown;
        }
        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
    }

    private void Add(CsvField field)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }
        _fields[FieldCount++] = field;
    }
}
