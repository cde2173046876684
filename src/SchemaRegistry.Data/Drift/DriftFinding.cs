using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// One drifted field in one record: its dotted path, the kind of value seen (<see cref="ValueKinds.None"/> for a
/// missing field), a sample of it as JSON text, and for a type change or missing field the kinds the schema declares.
/// </summary>
public sealed record DriftFinding(DriftKind Kind, string Path, ValueKinds Observed, string? Sample, ValueKinds Expected = ValueKinds.None)
{
    /// <summary>New fields and type changes can be moved into <c>_rescued_data</c>; a missing field cannot be invented.</summary>
    public bool Rescuable => Kind is DriftKind.NewField or DriftKind.TypeChange;
}
