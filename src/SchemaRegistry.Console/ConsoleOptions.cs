namespace SchemaRegistry.Ui;

/// <summary>The <c>Registry:Console</c> section.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Registry:Console";

    /// <summary>How long a console session lasts after sign-in, in minutes (it does not slide).</summary>
    public int SessionMinutes { get; set; } = 480;

    /// <summary>The OIDC client the console signs people in with (authorization-code flow); needs <c>Registry:Oidc:Authority</c>.</summary>
    public string? OidcClientId { get; set; }

    /// <summary>The OIDC client's secret (confidential client); PKCE is used either way.</summary>
    public string? OidcClientSecret { get; set; }

    /// <summary>Scopes asked for beside <c>openid</c> and <c>profile</c>: the one that releases <c>Registry:Oidc:RoleClaim</c>, if the provider needs one.</summary>
    public string[] OidcScopes { get; set; } = [];

    /// <summary>True when the console offers single sign-on: a client id is set (the authority is checked at start).</summary>
    public bool OidcEnabled => !string.IsNullOrWhiteSpace(OidcClientId);

    public void Check()
    {
        if (SessionMinutes is < 1 or > 7 * 24 * 60)
        {
            throw new InvalidOperationException($"{Section}:SessionMinutes must be between 1 and 10080.");
        }
    }
}
