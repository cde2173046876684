using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// One place drift was found: a kind at an interned path, with the kinds the schema declares there. A detector makes
/// each site once and reuses it for every record that drifts the same way, so a report can count it without hashing
/// the path again (it remembers the stats it last counted the site into).
/// </summary>
internal sealed class DriftSite(DriftKind kind, string path, ValueKinds expected)
{
    public DriftKind Kind { get; } = kind;
    public string Path { get; } = path;
    public ValueKinds Expected { get; } = expected;

    /// <summary>The report whose <see cref="Stats"/> this site was last counted into.</summary>
    public DriftReport? Owner { get; set; }

    public DriftFieldStats? Stats { get; set; }
}
