namespace SchemaRegistry.Data.Records;

/// <summary>The record formats a batch may arrive in.</summary>
public enum DataFormat
{
    Ndjson,
    Csv,
    Parquet,
}
