namespace SchemaRegistry.Contracts;

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
