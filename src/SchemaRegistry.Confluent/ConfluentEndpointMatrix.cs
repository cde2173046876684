using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;

namespace SchemaRegistry.Confluent;

/// <summary>
/// Every route the door maps and the permission it requires, restated in one place (printed in docs/confluent.md); a
/// test checks it against the routes actually mapped and walks every role through every row.
/// </summary>
public static class ConfluentEndpointMatrix
{
    public static IReadOnlyList<EndpointRule> Rules { get; } =
    [
        new("GET", "/subjects", Permission.Read),
        new("GET", "/subjects/{subject}/versions", Permission.Read),
        new("POST", "/subjects/{subject}/versions", Permission.WriteDraft),
        new("POST", "/subjects/{subject}", Permission.LookUpSchema),
        new("DELETE", "/subjects/{subject}", Permission.Deprecate),
        new("GET", "/subjects/{subject}/versions/{version}", Permission.Read),
        new("GET", "/subjects/{subject}/versions/{version}/schema", Permission.Read),
        new("GET", "/subjects/{subject}/versions/{version}/referencedby", Permission.Read),
        new("DELETE", "/subjects/{subject}/versions/{version}", Permission.Deprecate),
        new("GET", "/schemas/ids/{id}", Permission.Read),
        new("GET", "/schemas/ids/{id}/schema", Permission.Read),
        new("GET", "/schemas/ids/{id}/versions", Permission.Read),
        new("GET", "/schemas/ids/{id}/subjects", Permission.Read),
        new("GET", "/schemas/types", Permission.Read),
        new("GET", "/config", Permission.Read),
        new("PUT", "/config", Permission.ManageConfig),
        new("DELETE", "/config", Permission.ManageConfig),
        new("GET", "/config/{subject}", Permission.Read),
        new("PUT", "/config/{subject}", Permission.ManageConfig),
        new("DELETE", "/config/{subject}", Permission.ManageConfig),
        new("GET", "/mode", Permission.Read),
        new("PUT", "/mode", Permission.ManageConfig),
        new("GET", "/mode/{subject}", Permission.Read),
        new("PUT", "/mode/{subject}", Permission.ManageConfig),
        new("DELETE", "/mode/{subject}", Permission.ManageConfig),
        new("POST", "/compatibility/subjects/{subject}/versions/{version}", Permission.Validate),
        new("GET", "/v1/metadata/id", Permission.Read),
    ];

    /// <summary>The table as docs/confluent.md prints it: one row per route, one column per role.</summary>
    public static string ToMarkdown()
    {
        var roles = Enum.GetValues<Role>();
        var text = new System.Text.StringBuilder();
        text.Append("| endpoint | permission |");
        foreach (var role in roles)
        {
            text.Append(' ').Append(Core.Documents.WireNames.Of(role)).Append(" |");
        }
        text.Append('\n').Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---|", roles.Length))).Append('\n');
        foreach (var rule in Rules)
        {
            text.Append("| `").Append(rule.Method).Append(' ').Append(rule.Route).Append("` | ")
                .Append(rule.Permission is { } permission ? EndpointMatrix.PermissionName(permission) : "none (no key)").Append(" |");
            foreach (var role in roles)
            {
                text.Append(rule.Allows(role) ? " ✓ |" : "  |");
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
