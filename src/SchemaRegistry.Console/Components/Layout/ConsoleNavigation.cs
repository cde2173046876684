using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Ui.Components.Layout;

/// <summary>The console's navigation: one link per page of the URL list, with the permission it needs.</summary>
public static class ConsoleNavigation
{
    public sealed record Link(string Title, string Href, Permission? Needs = null);

    public static IReadOnlyList<Link> Links { get; } =
    [
        new("Overview", "/ui/"),
        new("Subjects", "/ui/subjects"),
        new("Diff", "/ui/diff"),
        new("Approvals", "/ui/approvals"),
        new("Drift", "/ui/drift"),
        new("Runs", "/ui/runs"),
        new("Lineage", "/ui/lineage"),
        new("Events", "/ui/events"),
        new("Audit", "/ui/audit", Permission.ReadAudit),
        new("Keys", "/ui/keys", Permission.ManageKeys),
    ];

    public static bool IsCurrent(Link link, PathString path)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Href == "/ui/"
            ? path.Value is "/ui" or "/ui/"
            : path.StartsWithSegments(link.Href.TrimEnd('/'), StringComparison.Ordinal);
    }
}
