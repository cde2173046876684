namespace SchemaRegistry.Wire;

/// <summary>Body of <c>POST /v1/keys</c>.</summary>
/// <param name="Name">A name people recognise (e.g. the pipeline or person).</param>
/// <param name="Role">schema-admin, ops-engineer, pipeline-runner or reader.</param>
/// <param name="ExpiresAt">Optional expiry.</param>
public sealed record CreateKeyRequest(string? Name, string? Role, DateTimeOffset? ExpiresAt = null);

/// <summary>An API key's metadata; <paramref name="Secret"/> is present only in the answer that created it.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">Role held.</param>
/// <param name="Prefix">First characters of the secret.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="ExpiresAt">Expiry, if any.</param>
/// <param name="RevokedAt">Revocation time, if revoked.</param>
/// <param name="Secret">The bearer secret, shown once.</param>
public sealed record KeyResponse(
    string Id,
    string Name,
    string Role,
    string Prefix,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? Secret = null);

/// <summary>Answer of <c>GET /v1/keys</c>.</summary>
/// <param name="Keys">Oldest first.</param>
public sealed record KeyListResponse(IReadOnlyList<KeyResponse> Keys);

/// <summary>Body of <c>POST /v1/keys/{id}/rotate</c>.</summary>
/// <param name="GraceSeconds">How long the old key keeps working; 0 (the default) revokes it at once.</param>
/// <param name="ExpiresAt">The new key's expiry; default: the old key's lifetime (expires_at − created_at) from now, or none.</param>
public sealed record RotateKeyRequest(int? GraceSeconds = null, DateTimeOffset? ExpiresAt = null);

/// <summary>Answer of <c>POST /v1/keys/{id}/rotate</c>.</summary>
/// <param name="Key">The new key, with its secret (shown once).</param>
/// <param name="Previous">The old key: revoked, or expiring at the end of the grace period.</param>
public sealed record RotateKeyResponse(KeyResponse Key, KeyResponse Previous);
