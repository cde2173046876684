namespace SchemaRegistry.Core.Security;

/// <summary>A stored API key: only the SHA-256 of its secret is kept, plus a short prefix to recognise it by.</summary>
public sealed record ApiKey(
    string Id,
    string Name,
    Role Role,
    string SecretHash,
    string Prefix,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public Principal ToPrincipal() => new(Id, Name, Role);
}
