namespace SchemaRegistry.Storage.Ports;

/// <summary>Immutable-ish objects by key (published definitions, quarantined records). Keys use '/' separators.</summary>
public interface IBlobStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Stores a blob streamed from <paramref name="content"/> (read to its end), so its size is not bounded by memory.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens a blob for streaming reads, or null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether the store answers and takes writes now (readiness); never throws for an unavailable store.</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
