namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// The released file a replay writes: CSV when given the header (the header once, then each released row as it
/// arrived), else NDJSON (each record's JSON, a rescued one in its rescued form, on a line of its own).
/// </summary>
internal sealed class ReleasedRecords(Stream file, byte[]? csvHeader)
{
    private bool _started;
    private bool _rowOpen;

    public async ValueTask WriteAsync(QuarantinedRecord record, byte[] json, CancellationToken cancellationToken)
    {
        if (csvHeader is null)
        {
            await file.WriteAsync(json, cancellationToken);
            file.WriteByte((byte)'\n');
            return;
        }
        if (!_started)
        {
            await file.WriteAsync(csvHeader, cancellationToken);
            _started = true;
        }
        if (_rowOpen)
        {
            // The last row of a batch that arrived without a line end is followed here by another batch's rows.
            await file.WriteAsync(LineEnd(csvHeader), cancellationToken);
        }
        var row = record.Row ?? throw new InvalidOperationException("A CSV released file takes CSV rows.");
        await file.WriteAsync(row, cancellationToken);
        _rowOpen = WithoutLineEnd(row).Length == row.Length;
    }

    /// <summary>A row's bytes without its line end (LF, CRLF or CR).</summary>
    public static ReadOnlySpan<byte> WithoutLineEnd(ReadOnlySpan<byte> row) => row.TrimEnd("\r\n"u8);

    private static ReadOnlyMemory<byte> LineEnd(byte[] header)
    {
        var end = header.Length - WithoutLineEnd(header).Length;
        return end > 0 ? header.AsMemory(header.Length - end) : "\r\n"u8.ToArray();
    }
}
