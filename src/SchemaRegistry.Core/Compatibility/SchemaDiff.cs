namespace SchemaRegistry.Core.Compatibility;

/// <summary>All differences between two schema versions; unproven (null) verdicts count as incompatible.</summary>
public sealed record SchemaDiff(IReadOnlyList<SchemaChange> Changes)
{
    /// <summary>Every change keeps data valid under the old schema valid under the new one.</summary>
    public bool IsBackwardCompatible => Changes.All(change => change.Backward == true);

    /// <summary>Every change keeps data valid under the new schema valid under the old one.</summary>
    public bool IsForwardCompatible => Changes.All(change => change.Forward == true);
}
