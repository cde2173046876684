using System.Buffers;
using System.Buffers.Binary;
using Parquet;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Reads a Parquet file one row group at a time (Parquet.Net reads a row group's column chunks whole, so memory is
/// bounded by the largest row group, not the file), writing every row as a JSON object: see
/// <see cref="ParquetColumns"/> for how values map to JSON and <see cref="ParquetSchemaMap"/> for the fields the
/// footer declares. Nulls are written as <c>null</c>; structs, lists and maps nest. Records are numbered by row
/// across the whole file, from 1. A truncated, corrupt or unsupported file throws
/// <see cref="ParquetFormatException"/>. The caller keeps ownership of the stream.
/// </summary>
public sealed class ParquetRecordReader : IRecordReader
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly ParquetReader _reader;
    private readonly ParquetSchemaMap _map;
    private readonly RecordJsonWriter _writer = new();
    private readonly int _targetBytes;
    private int _nextRowGroup;
    private long _rowsLeft;
    private long _row;

    private readonly HashSet<string> _nullable;

    private ParquetRecordReader(ParquetReader reader, ParquetSchemaMap map, int targetBytes, IReadOnlySet<string>? nullableColumns)
    {
        _reader = reader;
        _map = map;
        _targetBytes = targetBytes;
        _nullable = new HashSet<string>(nullableColumns ?? new HashSet<string>(), StringComparer.Ordinal);
    }

    /// <summary>The file's fields from its footer, one per leaf, struct, list and list element.</summary>
    public IReadOnlyList<SourceField> DeclaredFields => _map.Fields;

    /// <summary>Reads the footer of the Parquet file in <paramref name="stream"/>, which must be seekable.</summary>
    /// <param name="stream">The Parquet file.</param>
    /// <param name="targetBytes">How many bytes of records one <see cref="ReadAsync"/> gathers, about.</param>
    /// <param name="cancellationToken">Cancels reading the footer.</param>
    /// <param name="nullableColumns">
    /// Top-level columns whose nulls are written as <c>null</c>; elsewhere a null optional field is left out of the
    /// record, as an absent JSON member.
    /// </param>
    public static async Task<ParquetRecordReader> OpenAsync(
        Stream stream,
        int targetBytes = RecordReaders.DefaultTargetBytes,
        CancellationToken cancellationToken = default,
        IReadOnlySet<string>? nullableColumns = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("A Parquet file is read from a readable, seekable stream (its footer is at the end).", nameof(stream));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetBytes);
        await CheckFramingAsync(stream, cancellationToken);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(
                stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, leaveStreamOpen: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ParquetFormatException($"The Parquet footer cannot be read: {exception.Message}", exception);
        }
        try
        {
            return new ParquetRecordReader(reader, new ParquetSchemaMap(reader.Schema), targetBytes, nullableColumns);
        }
        catch (Exception exception) when (exception is not ParquetFormatException)
        {
            await reader.DisposeAsync();
            throw new ParquetFormatException($"The Parquet schema cannot be read: {exception.Message}", exception);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(RecordBlock block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        block.Clear();
        while (true)
        {
            if (_rowsLeft == 0 && !await NextRowGroupAsync(cancellationToken))
            {
                return block.Count > 0;
            }
            if (WriteRows(block))
            {
                return true;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseColumns();
        _writer.Dispose();
        await _reader.DisposeAsync();
    }

    /// <summary>
    /// Checks the magic numbers at both ends, that the footer's length fits and that the footer is well-formed
    /// Thrift, so a truncated file, another format or a corrupt footer fails with a clear message before Parquet.Net
    /// reads anything (see <see cref="ThriftCompactWalker"/>).
    /// </summary>
    private static async Task CheckFramingAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        if (length < 12)
        {
            throw new ParquetFormatException($"The data is not a Parquet file: {length} bytes is too short.");
        }
        var head = new byte[4];
        var tail = new byte[8];
        stream.Position = 0;
        await stream.ReadExactlyAsync(head, cancellationToken);
        stream.Position = length - tail.Length;
        await stream.ReadExactlyAsync(tail, cancellationToken);
        stream.Position = 0;
        if (!head.AsSpan().SequenceEqual(Magic))
        {
            throw new ParquetFormatException("The data is not a Parquet file: it does not start with PAR1.");
        }
        if (!tail.AsSpan(4).SequenceEqual(Magic))
        {
            throw new ParquetFormatException(
                "The Parquet file is truncated or encrypted: it does not end with PAR1.");
        }
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw new ParquetFormatException(
                $"The Parquet file is corrupt: its footer claims {footerLength} bytes of a {length}-byte file.");
        }
        var footer = ArrayPool<byte>.Shared.Rent(footerLength);
        try
        {
            stream.Position = length - tail.Length - footerLength;
            await stream.ReadExactlyAsync(footer.AsMemory(0, footerLength), cancellationToken);
            stream.Position = 0;
            if (!ThriftCompactWalker.IsWellFormedStruct(footer.AsSpan(0, footerLength)))
            {
                throw new ParquetFormatException("The Parquet file is corrupt: its footer is not well-formed metadata.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(footer);
        }
    }

    /// <summary>Loads the next row group that has rows; false after the last.</summary>
    private async ValueTask<bool> NextRowGroupAsync(CancellationToken cancellationToken)
    {
        while (_nextRowGroup < _reader.RowGroupCount)
        {
            var index = _nextRowGroup++;
            try
            {
                var rowGroup = _reader.OpenRowGroupReader(index);
                if (rowGroup.RowCount == 0)
                {
                    continue;
                }
                foreach (var column in _map.Columns)
                {
                    await column.LoadAsync(rowGroup, cancellationToken);
                }
                _rowsLeft = rowGroup.RowCount;
                return true;
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or ParquetFormatException))
            {
                throw new ParquetFormatException(
                    $"Parquet row group {index} cannot be read: {exception.Message}", exception);
            }
        }
        ReleaseColumns();
        return false;
    }

    /// <summary>Writes rows of the current row group; true once the block reaches its target.</summary>
    private bool WriteRows(RecordBlock block)
    {
        var json = _writer.Json;
        while (_rowsLeft > 0)
        {
            json.WriteStartObject();
            foreach (var root in _map.Roots)
            {
                if (root.IsNull && !_nullable.Contains(root.Name.Value))
                {
                    // Absent, unless the schema declares the column nullable (then null is its value).
                    root.Skip();
                    continue;
                }
                json.WritePropertyName(root.Name);
                root.Write(json);
            }
            json.WriteEndObject();
            _rowsLeft--;
            _row++;
            CheckRowEnd();
            _writer.CommitTo(block, _row);
            if (block.Length >= _targetBytes)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Every repeated column must now be at the start of the next row (repetition level 0): levels that say
    /// otherwise would shift values into the wrong rows, so they stop the read instead.
    /// </summary>
    private void CheckRowEnd()
    {
        foreach (var column in _map.Columns)
        {
            if (column.MaxRepetition > 0 && (_rowsLeft > 0 ? column.Repetition != 0 : !column.AtEnd))
            {
                throw new ParquetFormatException(
                    $"Parquet row {_row} is corrupt: the levels of column '{column.Field.Path}' do not line up with the other columns.");
            }
        }
    }

    private void ReleaseColumns()
    {
        foreach (var column in _map.Columns)
        {
            column.Dispose();
        }
    }
}
