using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// API keys, looked up by the hash of their secret. Each change takes the events that describe it and writes them
/// (with their ledger entries) in its own transaction, only when the change happened.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; false when its id or hash already exists.</summary>
    Task<bool> TryInsertAsync(ApiKey key, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; false when it does not exist or was already revoked.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Key rotation in one transaction: adds <paramref name="replacement"/> and ends the key <paramref name="oldId"/>
    /// (revoked at <paramref name="oldEndsAt"/>, or expiring then), with <paramref name="events"/>. False, and nothing
    /// written, when the old key is revoked or unknown or the replacement's id or hash exists.
    /// </summary>
    Task<bool> ReplaceAsync(ApiKey replacement, string oldId, DateTimeOffset oldEndsAt, bool revokeOld, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
