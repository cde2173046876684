namespace SchemaRegistry.Data.Readers;

/// <summary>A CSV source the reader cannot turn into records: a bad header or an unterminated quoted field.</summary>
public sealed class CsvFormatException : IOException
{
    public CsvFormatException(string message, long recordNumber, int? column = null)
        : base(message)
    {
        RecordNumber = recordNumber;
        Column = column;
    }

    /// <summary>The data row (from 1) where the problem is; 0 for the header.</summary>
    public long RecordNumber { get; }

    /// <summary>The column (from 1) where the problem is, when it is one column.</summary>
    public int? Column { get; }
}
