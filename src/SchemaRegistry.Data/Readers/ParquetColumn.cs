using System.Buffers;
using System.Text.Json;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// One leaf column of the row group being read: its definition and repetition levels (one entry per value slot,
/// null or not) and its non-null values packed in order, with a cursor that the row assembly moves forward as it
/// writes. Parquet.Net reads a column chunk whole; the levels are copied into pooled arrays so the hot loop indexes
/// plain arrays.
/// </summary>
internal abstract class ParquetColumn : IDisposable
{
    private int[] _definitions = [];
    private int[] _repetitions = [];
    private int _count;
    private int _position;
    private int _valueIndex;

    protected ParquetColumn(DataField field)
    {
        Field = field;
        MaxDefinition = field.MaxDefinitionLevel;
        MaxRepetition = field.MaxRepetitionLevel;
    }

    public DataField Field { get; }

    public int MaxDefinition { get; }

    public int MaxRepetition { get; }

    /// <summary>True once every entry of the row group has been consumed.</summary>
    public bool AtEnd => _position >= _count;

    /// <summary>The definition level of the current entry.</summary>
    public int Definition
    {
        get
        {
            var position = CheckedPosition();
            return MaxDefinition == 0 ? 0 : _definitions[position];
        }
    }

    /// <summary>The repetition level of the current entry.</summary>
    public int Repetition
    {
        get
        {
            var position = CheckedPosition();
            return MaxRepetition == 0 ? 0 : _repetitions[position];
        }
    }

    public async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        Release();
        var raw = await rowGroup.ReadRawColumnDataBaseAsync(Field, cancellationToken);
        if (!TryAttachValues(raw, out var valueCount))
        {
            raw.Dispose();
            throw new ParquetFormatException($"Parquet column '{Field.Path}' did not read as {Field.ClrType.Name} values.");
        }
        long defined;
        if (MaxDefinition > 0)
        {
            var levels = raw.DefinitionLevels;
            _definitions = Copy(levels);
            _count = levels.Length;
            defined = levels.Count(MaxDefinition);
        }
        else
        {
            _count = checked((int)rowGroup.RowCount);
            defined = _count;
        }
        if (MaxRepetition == 0 && _count != rowGroup.RowCount)
        {
            throw Corrupt($"{_count} entries for {rowGroup.RowCount} rows");
        }
        if (MaxRepetition > 0)
        {
            var levels = raw.RepetitionLevels;
            if (levels.Length != _count)
            {
                throw Corrupt($"{levels.Length} repetition levels for {_count} definition levels");
            }
            _repetitions = Copy(levels);
        }
        if (defined > valueCount)
        {
            throw Corrupt($"{defined} defined values but only {valueCount} read");
        }
        _position = 0;
        _valueIndex = 0;
    }

    /// <summary>Writes the current entry (its value, or null) and moves past it.</summary>
    public void Write(Utf8JsonWriter json)
    {
        if (Definition == MaxDefinition)
        {
            WriteValue(json, _valueIndex++);
        }
        else
        {
            json.WriteNullValue();
        }
        _position++;
    }

    /// <summary>Writes the current entry as a property name (a map key) and moves past it.</summary>
    public void WriteName(Utf8JsonWriter json)
    {
        if (Definition == MaxDefinition)
        {
            WriteValueAsName(json, _valueIndex++);
        }
        else
        {
            json.WritePropertyName(""u8);
        }
        _position++;
    }

    /// <summary>Moves past the current entry without writing it (its node is null or empty).</summary>
    public void Skip()
    {
        if (Definition == MaxDefinition)
        {
            _valueIndex++;
        }
        _position++;
    }

    public void Dispose() => Release();

    protected abstract bool TryAttachValues(RawColumnData raw, out int valueCount);

    protected abstract void ReleaseValues();

    protected abstract void WriteValue(Utf8JsonWriter json, int index);

    protected abstract void WriteValueAsName(Utf8JsonWriter json, int index);

    private static int[] Copy(Span<int> levels)
    {
        var copy = ArrayPool<int>.Shared.Rent(levels.Length);
        levels.CopyTo(copy);
        return copy;
    }

    private int CheckedPosition() =>
        _position < _count ? _position : throw Corrupt("the levels of the columns do not line up");

    private ParquetFormatException Corrupt(string problem) =>
        new($"Parquet column '{Field.Path}' is corrupt: {problem}.");

    private void Release()
    {
        ReleaseValues();
        if (_definitions.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_definitions);
            _definitions = [];
        }
        if (_repetitions.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_repetitions);
            _repetitions = [];
        }
        _count = 0;
        _position = 0;
        _valueIndex = 0;
    }
}
