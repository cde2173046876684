namespace SchemaRegistry.Server.Auth;

/// <summary>
/// The <c>Registry:Oidc</c> section: JWT bearer tokens from one OpenID Connect issuer, accepted beside API keys.
/// Off unless <see cref="Authority"/> or <see cref="Issuer"/> is set. With <see cref="Authority"/> the issuer's
/// metadata and signing keys (JWKS) are discovered from <c>{Authority}/.well-known/openid-configuration</c>; with
/// <see cref="Issuer"/> and <see cref="SigningKeys"/> nothing is fetched (air-gapped set-ups, tests).
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer's URL; its metadata and keys are discovered from it (refreshed as the handler decides).</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The expected <c>iss</c> of tokens. Required with <see cref="SigningKeys"/>; with <see cref="Authority"/> it
    /// overrides the issuer named in the discovered metadata.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Public keys that sign tokens, when not discovered: each entry is PEM text (<c>PUBLIC KEY</c>,
    /// <c>RSA PUBLIC KEY</c> or <c>CERTIFICATE</c>, several blocks allowed), a JWK or a JWK set as JSON, or the
    /// path of a file holding any of these. RSA (RS*, PS*) and ECDSA (ES*) keys.
    /// </summary>
    public string[] SigningKeys { get; set; } = [];

    /// <summary>The expected <c>aud</c> of tokens (required once OIDC is on).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the caller's roles or groups: a JSON array, or one string separated by spaces or commas.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Claim value → role (schema-admin, ops-engineer, pipeline-runner or reader); values match ignoring case.
    /// When empty, the role names themselves map to their roles; when set, only its entries count.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>The claim shown as the principal's name; <c>sub</c> when the token lacks it.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Only for <see cref="Authority"/>: refuse metadata over plain HTTP (a loopback test issuer turns this off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>, in seconds.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>True when an authority or an issuer is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Issuer);
}
