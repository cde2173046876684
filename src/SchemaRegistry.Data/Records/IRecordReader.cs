namespace SchemaRegistry.Data.Records;

/// <summary>
/// Streams the records of one source (NDJSON, CSV or Parquet) as UTF-8 JSON objects, block by block, so memory
/// stays bounded whatever the size of the source.
/// </summary>
public interface IRecordReader : IAsyncDisposable
{
    /// <summary>
    /// Clears <paramref name="block"/> and fills it with the next records (about <paramref name="block"/>'s
    /// capacity worth, at least one). Returns false, with the block empty, once the source is exhausted.
    /// </summary>
    ValueTask<bool> ReadAsync(RecordBlock block, CancellationToken cancellationToken);

    /// <summary>
    /// The fields the source declares itself (the Parquet footer's schema), known before the first record;
    /// empty for sources without one (NDJSON, CSV).
    /// </summary>
    IReadOnlyList<SourceField> DeclaredFields { get; }
}
