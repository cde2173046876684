using System.Security.Claims;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Turns a validated token's claims into the claims <see cref="ApiKeyAuthenticationHandler"/> sets, so
/// <see cref="PrincipalExtensions.ToPrincipal"/> and the permission policies work unchanged: NameIdentifier
/// <c>oidc:{iss}:{sub}</c> (the principal id, e.g. for "approver is not the submitter"), Name and one Role.
/// </summary>
/// <remarks>
/// A principal holds exactly one role. When the role claim maps to several, the most privileged wins, in the
/// order schema-admin, ops-engineer, pipeline-runner, reader (schema-admin holds every permission and reader the
/// fewest). ops-engineer and pipeline-runner are not nested (only runners run pipelines), so an identity that
/// runs pipelines should map to pipeline-runner alone. A token whose claim maps to no role still authenticates,
/// without a Role claim: every policy then refuses it with 403 AUTH-1002 and the detail in <see cref="NoRoleItem"/>.
/// </remarks>
internal sealed class JwtRoleMapping
{
    /// <summary>HttpContext item explaining why an authenticated token holds no role, for the 403 answer.</summary>
    public const string NoRoleItem = "schemareg.auth.no-role";

    /// <summary>Longest principal id (and name) kept: the history's principal columns hold 200 characters.</summary>
    public const int MaxLength = 200;

    private static readonly char[] Separators = [' ', ','];
    private readonly OidcOptions _options;
    private readonly Dictionary<string, Role> _map = new(StringComparer.OrdinalIgnoreCase);

    public JwtRoleMapping(OidcOptions options)
    {
        _options = options;
        if (options.RoleMap.Count == 0)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                _map[WireNames.Of(role)] = role;
            }
            return;
        }
        foreach (var (value, roleName) in options.RoleMap)
        {
            _map[value] = WireNames.TryParse(roleName, out Role role)
                ? role
                : throw new InvalidOperationException(
                    $"Registry:Oidc:RoleMap:{value} is '{roleName}', not one of {string.Join(", ", WireNames.AllRoles)}.");
        }
    }

    /// <summary>The claim values mapped to a role, in the token's order (arrays, or strings split on spaces and commas).</summary>
    public IReadOnlyList<string> RoleValues(ClaimsPrincipal token) =>
        [.. token.FindAll(_options.RoleClaim).SelectMany(c => c.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>The most privileged role the values map to, or null.</summary>
    public Role? RoleOf(IEnumerable<string> values)
    {
        Role? best = null;
        foreach (var value in values)
        {
            if (_map.TryGetValue(value, out var role) && (best is null || role < best))
            {
                best = role;
            }
        }
        return best;
    }

    /// <summary>
    /// The registry's principal for a validated token, or the reason it cannot be one (no <c>sub</c>, id too long).
    /// <paramref name="noRole"/> is set when the token maps to no role.
    /// </summary>
    public ClaimsPrincipal? ToPrincipal(ClaimsPrincipal token, string? tokenIssuer, string scheme, out string? failure, out string? noRole)
    {
        noRole = null;
        var issuer = token.FindFirst("iss")?.Value ?? tokenIssuer ?? "";
        var subject = token.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            failure = "The token carries no 'sub' claim.";
            return null;
        }
        var id = $"oidc:{issuer}:{subject}";
        if (id.Length > MaxLength)
        {
            failure = $"The token's principal id oidc:{{iss}}:{{sub}} is longer than {MaxLength} characters.";
            return null;
        }
        failure = null;
        var name = token.FindFirst(_options.NameClaim)?.Value is { Length: > 0 } n ? n : subject;
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name) };
        var values = RoleValues(token);
        if (RoleOf(values) is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, WireNames.Of(role)));
        }
        else
        {
            var held = values.Count == 0 ? "nothing" : string.Join(", ", values.Take(10).Select(v => $"'{v}'"));
            noRole = $"The token of {name} ({id}) maps to no registry role: its '{_options.RoleClaim}' claim holds {held}. "
                + (_options.RoleMap.Count == 0
                    ? $"Without Registry:Oidc:RoleMap the values {string.Join(", ", WireNames.AllRoles)} are roles."
                    : "Registry:Oidc:RoleMap maps none of them.");
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
