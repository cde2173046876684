namespace SchemaRegistry.Data.Readers;

/// <summary>A Parquet source that is truncated, corrupt, or uses a type the reader does not map to JSON.</summary>
public sealed class ParquetFormatException : IOException
{
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
