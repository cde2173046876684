using System.Text.Json.Serialization;

namespace SchemaRegistry.Data.Records;

/// <summary>The record formats a batch may arrive in.</summary>
public enum DataFormat
{
    [JsonStringEnumMemberName("ndjson")]
    Ndjson,
    [JsonStringEnumMemberName("csv")]
    Csv,
    [JsonStringEnumMemberName("parquet")]
    Parquet,
}
