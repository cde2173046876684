using System.Diagnostics.CodeAnalysis;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>Opens the reader for a source's format and recognises formats by content type or file name.</summary>
public static class RecordReaders
{
    /// <summary>How many bytes of records one read gathers by default.</summary>
    public const int DefaultTargetBytes = 1 << 20;

    /// <summary>The longest NDJSON line or CSV row accepted by default.</summary>
    public const int DefaultMaxRecordBytes = 16 << 20;

    /// <summary>The switch a build turns off to leave Parquet (and the reflection its library reads with) out.</summary>
    public const string ParquetSwitch = "SchemaRegistry.Data.Parquet.IsSupported";

    /// <summary>
    /// False in a build that leaves Parquet out (the native executable, which hands Parquet files to the managed
    /// build): the trimmer then removes Parquet.Net, and opening a Parquet source throws <see cref="NotSupportedException"/>.
    /// </summary>
    [FeatureSwitchDefinition(ParquetSwitch)]
    public static bool ParquetIsSupported => !AppContext.TryGetSwitch(ParquetSwitch, out var on) || on;

    /// <summary>
    /// Opens a reader over <paramref name="stream"/>, which the caller keeps and disposes after the reader. Parquet
    /// needs a seekable stream and reads its footer here; <paramref name="columnKinds"/> (the JSON kinds the schema
    /// declares per top-level property) guide CSV's cell conversion, and tell Parquet which top-level nulls to keep
    /// (a null optional field is otherwise absent).
    /// </summary>
    public static async Task<IRecordReader> OpenAsync(
        DataFormat format,
        Stream stream,
        IReadOnlyDictionary<string, ValueKinds> columnKinds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columnKinds);
        return format switch
        {
            DataFormat.Ndjson => new NdjsonRecordReader(stream),
            DataFormat.Csv => new CsvRecordReader(stream, columnKinds),
            DataFormat.Parquet when !ParquetIsSupported => throw new NotSupportedException("This build reads no Parquet files."),
            DataFormat.Parquet => await ParquetRecordReader.OpenAsync(stream, cancellationToken: cancellationToken,
                nullableColumns: columnKinds.Where(c => (c.Value & ValueKinds.Null) != 0).Select(c => c.Key).ToHashSet(StringComparer.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown data format."),
        };
    }

    /// <summary>
    /// The format a media type names, ignoring parameters (<c>; charset=utf-8</c>) and case; null when it names none.
    /// </summary>
    public static DataFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" => DataFormat.Ndjson,
            "text/csv" => DataFormat.Csv,
            "application/vnd.apache.parquet" or "application/x-parquet" or "application/parquet" => DataFormat.Parquet,
            _ => null,
        };
    }

    /// <summary>The format a file name's extension names (<c>.ndjson</c>, <c>.jsonl</c>, <c>.json</c>, <c>.csv</c>, <c>.parquet</c>).</summary>
    public static DataFormat? FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".ndjson" or ".jsonl" or ".json" => DataFormat.Ndjson,
            ".csv" => DataFormat.Csv,
            ".parquet" => DataFormat.Parquet,
            _ => null,
        };
    }
}
