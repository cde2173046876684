using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>Decides whether a diff satisfies a compatibility mode for one (old, new) pair.</summary>
public static class CompatibilityRules
{
    /// <remarks>Transitive modes apply the same rule per pair; the caller checks every earlier version.</remarks>
    public static bool IsCompatible(SchemaDiff diff, CompatibilityMode mode)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return mode switch
        {
            CompatibilityMode.None => true,
            CompatibilityMode.Backward or CompatibilityMode.BackwardTransitive => diff.IsBackwardCompatible,
            CompatibilityMode.Forward or CompatibilityMode.ForwardTransitive => diff.IsForwardCompatible,
            CompatibilityMode.Full or CompatibilityMode.FullTransitive => diff.IsBackwardCompatible && diff.IsForwardCompatible,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown compatibility mode."),
        };
    }
}
