namespace SchemaRegistry.Ui.Components.Shared;

/// <summary>The console's deep links, built in one place (names and versions escaped as path segments).</summary>
public static class Links
{
    public static string Subject(string subject) => "/ui/subjects/" + Uri.EscapeDataString(subject);

    public static string Schema(string fqid) => "/ui/schemas/" + Uri.EscapeDataString(fqid).Replace("%3A", ":", StringComparison.Ordinal);

    public static string Diff(string from, string to) => $"/ui/diff?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
}
