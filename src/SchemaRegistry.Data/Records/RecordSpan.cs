namespace SchemaRegistry.Data.Records;

/// <summary>
/// One record inside a <see cref="RecordBlock"/>: its UTF-8 JSON text at <see cref="Offset"/> and its place in the
/// source (<see cref="Number"/>: the line for NDJSON, the data row for CSV and Parquet, counted from 1).
/// </summary>
public readonly record struct RecordSpan(long Number, int Offset, int Length);
