using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// API keys, looked up by the hash of their secret. Each change takes the events that describe it and writes them
/// (with their ledger entries) in its own transaction, only when the change happened.
/// <para>
/// The registry never loses its last administrator: a revocation or rotation that would leave no schema-admin key
/// active at the moment of the change, or end the last active schema-admin key without expiry (revoke it, give it an
/// expiry, or replace it by one that expires), throws <see cref="LastAdminKeyException"/> and writes nothing. The check
/// runs in the change's transaction under the events lock, so two changes racing (two admins revoking each other)
/// are decided one after the other.
/// </para>
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; false when its id or hash already exists.</summary>
    Task<bool> TryInsertAsync(ApiKey key, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; false when it does not exist or was already revoked; <see cref="LastAdminKeyException"/> when it is the last admin.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Key rotation in one transaction: adds <paramref name="replacement"/> and ends the key <paramref name="oldId"/>
    /// (revoked at <paramref name="oldEndsAt"/>, or expiring then), with <paramref name="events"/>. False, and nothing
    /// written, when the old key is revoked or unknown or the replacement's id or hash exists. The change happens at the
    /// replacement's <c>CreatedAt</c>; <see cref="LastAdminKeyException"/> when it would end the last admin.
    /// </summary>
    Task<bool> ReplaceAsync(ApiKey replacement, string oldId, DateTimeOffset oldEndsAt, bool revokeOld, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Recovery when every schema-admin key is lost: only if no schema-admin key is active at <paramref name="at"/>,
    /// adds <paramref name="key"/> (a schema-admin key), or with <paramref name="reactivate"/> makes the existing
    /// schema-admin key of that id active again (not revoked, no expiry), with <paramref name="events"/>. False, and
    /// nothing written, when an active schema-admin key exists (another replica may have recovered first) or the key
    /// cannot be written.
    /// </summary>
    Task<bool> RecoverAdminAsync(ApiKey key, bool reactivate, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
