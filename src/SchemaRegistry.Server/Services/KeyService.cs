using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>Creating, listing and revoking API keys. Secrets are returned once and stored only as hashes.</summary>
internal sealed class KeyService(IRegistryStorage storage, TimeProvider time, Caching.ApiKeyCache cache)
{
    public const int MaxNameLength = 100;

    /// <summary>Longest grace period of a rotated key: 30 days.</summary>
    public const int MaxGraceSeconds = 30 * 24 * 60 * 60;

    public async Task<KeyResponse> CreateAsync(CreateKeyRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            throw Invalid($"name must be 1 to {MaxNameLength} printable characters.");
        }
        if (!WireNames.TryParse(request.Role, out Role role))
        {
            throw Invalid($"role must be one of {string.Join(", ", WireNames.AllRoles)}.");
        }
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            throw Invalid("expires_at must be in the future.");
        }
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey(ApiKeySecrets.NewId(), name, role, ApiKeySecrets.Hash(secret), ApiKeySecrets.PrefixOf(secret),
            now, actor.Name, request.ExpiresAt, null);
        if (!await storage.Keys.TryInsertAsync(key, [EventFactory.KeyCreated(key, actor, now)], cancellationToken))
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Key exists", "A key with this id exists; retry."));
        }
        return ToResponse(key) with { Secret = secret };
    }

    public async Task<KeyListResponse> ListAsync(CancellationToken cancellationToken) =>
        new((await storage.Keys.ListAsync(cancellationToken)).Select(ToResponse).ToList());

    public async Task<KeyResponse> RevokeAsync(string id, Principal actor, CancellationToken cancellationToken)
    {
        var key = await storage.Keys.GetAsync(id, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Key {id}"));
        var now = time.GetUtcNow();
        var revoked = EventFactory.KeyRevoked(key, actor, now);
        // The store decides whether another admin is left, in the revocation's transaction (two admins revoking each other).
        if (!await LastAdminGuardedAsync(() => storage.Keys.RevokeAsync(id, now, [revoked], cancellationToken)))
        {
            throw new RegistryException(RegistryError.Transition($"Key {id} is already revoked."));
        }
        cache.Forget(id);
        return ToResponse(key with { RevokedAt = now });
    }

    /// <summary>
    /// Replaces a key: a new key with the same name and role (and the same lifetime, unless <c>expires_at</c> is
    /// given) whose secret is returned once; the old key is revoked now, or expires after the grace period. The
    /// new key exists before the old one stops, so rotating the last schema-admin key is allowed, unless the new
    /// key expires and the old one did not (the registry would then lose its last admin key without expiry).
    /// </summary>
    public async Task<RotateKeyResponse> RotateAsync(string id, RotateKeyRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var grace = request.GraceSeconds ?? 0;
        if (grace is < 0 or > MaxGraceSeconds)
        {
            throw Invalid($"grace_seconds must be 0 (revoke now) to {MaxGraceSeconds} (30 days).");
        }
        var old = await storage.Keys.GetAsync(id, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Key {id}"));
        var now = time.GetUtcNow();
        if (!old.IsActive(now))
        {
            throw new RegistryException(RegistryError.Transition(
                $"Key {id} is {(old.RevokedAt is null ? "expired" : "revoked")}; create a new key instead of rotating it."));
        }
        var expires = request.ExpiresAt ?? (old.ExpiresAt is { } oldExpiry ? now + (oldExpiry - old.CreatedAt) : null);
        if (expires is { } e && e <= now)
        {
            throw Invalid("expires_at must be in the future.");
        }
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey(ApiKeySecrets.NewId(), old.Name, old.Role, ApiKeySecrets.Hash(secret), ApiKeySecrets.PrefixOf(secret),
            now, actor.Name, expires, null);
        List<OutboxEvent> events = [EventFactory.KeyCreated(key, actor, now, rotatedFrom: old.Id)];
        if (grace == 0)
        {
            events.Add(EventFactory.KeyRevoked(old, actor, now, rotatedTo: key.Id));
        }
        var until = now.AddSeconds(grace);
        var oldEndsAt = grace == 0 ? now : old.ExpiresAt is { } current && current < until ? current : until;
        if (!await LastAdminGuardedAsync(() => storage.Keys.ReplaceAsync(key, id, oldEndsAt, revokeOld: grace == 0, events, cancellationToken)))
        {
            throw new RegistryException(RegistryError.Transition($"Key {id} was revoked meanwhile (or the new key's id exists); nothing changed, retry."));
        }
        cache.Forget(id);
        var previous = await storage.Keys.GetAsync(id, cancellationToken) ?? old;
        return new RotateKeyResponse(ToResponse(key) with { Secret = secret }, ToResponse(previous));
    }

    /// <summary>Runs a key change; a change the store refused as ending the last admin key becomes 409.</summary>
    private static async Task<bool> LastAdminGuardedAsync(Func<Task<bool>> change)
    {
        try
        {
            return await change();
        }
        catch (LastAdminKeyException e)
        {
            throw new RegistryException(RegistryError.Transition(e.Message));
        }
    }

    private static KeyResponse ToResponse(ApiKey k) =>
        new(k.Id, k.Name, WireNames.Of(k.Role), k.Prefix, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt);

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid key request", detail));
}
