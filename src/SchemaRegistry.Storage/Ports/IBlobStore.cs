namespace SchemaRegistry.Storage.Ports;

/// <summary>Immutable-ish objects by key (published definitions, later quarantine). Keys use '/' separators.</summary>
public interface IBlobStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);
}
