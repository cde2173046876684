using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>Creating, listing and revoking API keys. Secrets are returned once and stored only as hashes.</summary>
internal sealed class KeyService(IRegistryStorage storage, TimeProvider time, Caching.ApiKeyCache cache)
{
    public const int MaxNameLength = 100;

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
        if (!await storage.Keys.TryInsertAsync(key, cancellationToken))
        {
            throw new RegistryException(new RegistryError(ErrorCode.AlreadyExists, ErrorKind.Conflict, "Key exists", "A key with this id exists; retry."));
        }
        return ToResponse(key) with { Secret = secret };
    }

    public async Task<KeyListResponse> ListAsync(CancellationToken cancellationToken) =>
        new((await storage.Keys.ListAsync(cancellationToken)).Select(ToResponse).ToList());

    public async Task<KeyResponse> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var key = await storage.Keys.GetAsync(id, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Key {id}"));
        var now = time.GetUtcNow();
        if (key.Role == Role.SchemaAdmin && key.IsActive(now))
        {
            var admins = (await storage.Keys.ListAsync(cancellationToken)).Count(k => k.Role == Role.SchemaAdmin && k.IsActive(now));
            if (admins <= 1)
            {
                throw new RegistryException(RegistryError.Transition("This is the last active schema-admin key; create another before revoking it."));
            }
        }
        if (!await storage.Keys.RevokeAsync(id, now, cancellationToken))
        {
            throw new RegistryException(RegistryError.Transition($"Key {id} is already revoked."));
        }
        cache.Forget(id);
        return ToResponse(key with { RevokedAt = now });
    }

    private static KeyResponse ToResponse(ApiKey k) =>
        new(k.Id, k.Name, WireNames.Of(k.Role), k.Prefix, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt);

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid key request", detail));
}
