using System.Text;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Auth;

/// <summary>One endpoint and the permission it requires; <c>null</c> means it answers without a key.</summary>
public sealed record EndpointRule(string Method, string Route, Permission? Permission)
{
    public bool Allows(Role role) => Permission is not { } permission || AccessPolicy.Allows(role, permission);
}

/// <summary>
/// Every endpoint the server maps and who may call it. The endpoint classes declare their permission where they map
/// the route; this table restates all of them in one place so that it can be read (and is printed in docs/roles.md), and
/// a test checks that it matches the routes actually mapped and what each role, no key, a revoked key and an expired
/// key get from every one of them.
/// </summary>
public static class EndpointMatrix
{
    public static IReadOnlyList<EndpointRule> Rules { get; } =
    [
        new("GET", "/healthz", null),
        new("GET", "/readyz", null),
        new("GET", "/openapi/{documentName}.json", null),
        new("GET", "/metrics", Permission.Read),

        new("POST", "/v1/schema", Permission.WriteDraft),
        new("PUT", "/v1/schema/{fqid}", Permission.WriteDraft),
        new("GET", "/v1/schema/{fqid}", Permission.Read),
        new("GET", "/api/v1/schema/fetch", Permission.Read),
        new("GET", "/v1/schema/{subject}/versions", Permission.Read),
        new("GET", "/v1/subjects", Permission.Read),

        new("POST", "/v1/schema/validate", Permission.Validate),
        new("GET", "/v1/schema/validate", Permission.Read),
        new("POST", "/v1/schema/submit", Permission.Submit),
        new("POST", "/v1/schema/approve", Permission.Approve),
        new("POST", "/v1/schema/reject", Permission.Reject),
        new("POST", "/v1/schema/publish", Permission.Publish),
        new("POST", "/v1/schema/deprecate", Permission.Deprecate),
        new("POST", "/schema/deprecate", Permission.Deprecate),

        new("GET", "/v1/schema/diff", Permission.Read),
        new("POST", "/v1/schema/compatibility", Permission.Read),
        new("GET", "/v1/config/{subject}", Permission.Read),
        new("PUT", "/v1/config/{subject}", Permission.ManageConfig),
        new("GET", "/v1/config/{subject}/policy", Permission.Read),
        new("PUT", "/v1/config/{subject}/policy", Permission.ManageConfig),

        new("POST", "/v1/keys", Permission.ManageKeys),
        new("GET", "/v1/keys", Permission.ManageKeys),
        new("DELETE", "/v1/keys/{id}", Permission.ManageKeys),
        new("POST", "/v1/keys/{id}/rotate", Permission.ManageKeys),

        new("GET", "/v1/events", Permission.Read),
        new("POST", "/v1/events/replay", Permission.ManageConfig),
        new("GET", "/v1/events/replays", Permission.ManageConfig),
        new("GET", "/v1/events/replays/{id}", Permission.ManageConfig),
        new("POST", "/v1/events/replays/{id}/cancel", Permission.ManageConfig),
        new("POST", "/v1/subscriptions", Permission.ManageConfig),
        new("GET", "/v1/subscriptions", Permission.ManageConfig),
        new("DELETE", "/v1/subscriptions/{id}", Permission.ManageConfig),
        new("GET", "/v1/subscriptions/{id}/dead-letters", Permission.ManageConfig),
        new("POST", "/v1/subscriptions/{id}/dead-letters/replay", Permission.ManageConfig),
        new("POST", "/v1/subscriptions/{id}/purge", Permission.ManageConfig),

        new("POST", "/v1/pipelines", Permission.ManagePipelines),
        new("PUT", "/v1/pipelines/{pipelineId}", Permission.ManagePipelines),
        new("GET", "/v1/pipelines", Permission.Read),
        new("GET", "/v1/pipelines/{pipelineId}", Permission.Read),
        new("POST", "/v1/runs", Permission.RunPipelines),
        new("GET", "/v1/runs", Permission.Read),
        new("GET", "/v1/runs/{runId}", Permission.Read),
        new("POST", "/v1/runs/{runId}/batches", Permission.RunPipelines),
        new("POST", "/v1/runs/{runId}/complete", Permission.RunPipelines),
        new("POST", "/v1/runs/{runId}/reports", Permission.RunPipelines),
        new("POST", "/v1/runs/{runId}/heartbeat", Permission.RunPipelines),
        new("POST", "/v1/runs/{runId}/batches/{batch}/quarantine", Permission.RunPipelines),
        new("GET", "/v1/lineage", Permission.Read),
        new("POST", "/v1/schema/sync/metadata", Permission.SyncMetadata),

        new("GET", "/v1/drift", Permission.Read),
        new("GET", "/v1/drift/{id}", Permission.Read),
        new("GET", "/v1/drift/{id}/proposal", Permission.Read),
        new("POST", "/v1/drift/{id}/ack", Permission.ManageDrift),
        new("POST", "/v1/drift/{id}/resolve", Permission.ManageDrift),
        new("GET", "/v1/quarantine", Permission.Read),
        new("GET", "/v1/quarantine/records", Permission.ManageDrift),
        new("POST", "/v1/quarantine/replay", Permission.ManageDrift),
        new("POST", "/v1/quarantine/purge", Permission.ManageDrift),

        new("GET", "/v1/audit", Permission.ReadAudit),
        new("GET", "/v1/audit/export", Permission.ReadAudit),
        new("GET", "/v1/audit/annotations", Permission.ReadAudit),
        new("POST", "/v1/audit/annotations", Permission.AnnotateAudit),

        new("GET", "/v1/admin/export", Permission.Backup),
    ];

    private static readonly Role[] RoleColumns = Enum.GetValues<Role>();

    /// <summary>The table as docs/roles.md prints it: one row per endpoint, one column per role.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| endpoint | permission |");
        foreach (var role in RoleColumns)
        {
            text.Append(' ').Append(WireNames.Of(role)).Append(" |");
        }
        text.Append('\n').Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---|", RoleColumns.Length))).Append('\n');
        foreach (var rule in Rules)
        {
            text.Append("| `").Append(rule.Method).Append(' ').Append(rule.Route).Append("` | ")
                .Append(rule.Permission is { } permission ? PermissionName(permission) : "none (no key)").Append(" |");
            foreach (var role in RoleColumns)
            {
                text.Append(rule.Allows(role) ? " ✓ |" : "  |");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary><c>ManagePipelines</c> → <c>manage pipelines</c>.</summary>
    public static string PermissionName(Permission permission)
    {
        var name = permission.ToString();
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
