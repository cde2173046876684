namespace SchemaRegistry.Data.Readers;

/// <summary>
/// A record (an NDJSON line, a CSV row) longer than the reader's limit; the reader stops rather than hold it in
/// memory.
/// </summary>
public sealed class RecordTooLargeException : IOException
{
    public RecordTooLargeException(long recordNumber, long limitBytes)
        : base($"Record {recordNumber} is longer than the limit of {limitBytes} bytes.")
    {
        RecordNumber = recordNumber;
        LimitBytes = limitBytes;
    }

    /// <summary>The record's number in the source (NDJSON line, CSV data row; 0 for a CSV header).</summary>
    public long RecordNumber { get; }

    public long LimitBytes { get; }
}
