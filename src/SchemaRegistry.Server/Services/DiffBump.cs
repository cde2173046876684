using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>The version step a diff between two versions needs under a compatibility mode: none, minor or major.</summary>
internal static class DiffBump
{
    public static string Required(IReadOnlyList<ChangeItem> changes, string mode)
    {
        if (changes.Count == 0)
        {
            return "none";
        }
        var upper = mode.ToUpperInvariant();
        var backward = upper.StartsWith("BACKWARD", StringComparison.Ordinal) || upper.StartsWith("FULL", StringComparison.Ordinal);
        var forward = upper.StartsWith("FORWARD", StringComparison.Ordinal) || upper.StartsWith("FULL", StringComparison.Ordinal);
        var breaks = changes.Any(c => (backward && c.Backward != true) || (forward && c.Forward != true));
        return breaks ? "major" : "minor";
    }
}
