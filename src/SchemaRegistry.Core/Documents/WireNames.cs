using System.Diagnostics.CodeAnalysis;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Documents;

/// <summary>The one spelling of each enum on the wire and in the database.</summary>
public static class WireNames
{
    private static readonly Dictionary<SchemaState, string> States = new()
    {
        [SchemaState.Draft] = "draft",
        [SchemaState.Validated] = "validated",
        [SchemaState.PendingApproval] = "pending_approval",
        [SchemaState.Approved] = "approved",
        [SchemaState.Published] = "published",
        [SchemaState.Deprecated] = "deprecated",
        [SchemaState.Rejected] = "rejected",
    };

    private static readonly Dictionary<CompatibilityMode, string> Modes = new()
    {
        [CompatibilityMode.None] = "NONE",
        [CompatibilityMode.Backward] = "BACKWARD",
        [CompatibilityMode.Forward] = "FORWARD",
        [CompatibilityMode.Full] = "FULL",
        [CompatibilityMode.BackwardTransitive] = "BACKWARD_TRANSITIVE",
        [CompatibilityMode.ForwardTransitive] = "FORWARD_TRANSITIVE",
        [CompatibilityMode.FullTransitive] = "FULL_TRANSITIVE",
    };

    private static readonly Dictionary<Role, string> Roles = new()
    {
        [Role.SchemaAdmin] = "schema-admin",
        [Role.OpsEngineer] = "ops-engineer",
        [Role.PipelineRunner] = "pipeline-runner",
        [Role.Reader] = "reader",
    };

    public static string Of(SchemaState state) => States[state];
    public static string Of(CompatibilityMode mode) => Modes[mode];
    public static string Of(Role role) => Roles[role];

    public static IEnumerable<string> AllModes => Modes.Values;
    public static IEnumerable<string> AllRoles => Roles.Values;

    public static bool TryParse(string? text, out SchemaState state) => TryFind(States, text, out state);
    public static bool TryParse(string? text, out CompatibilityMode mode) => TryFind(Modes, text, out mode);
    public static bool TryParse(string? text, out Role role) => TryFind(Roles, text, out role);

    public static SchemaState ParseState(string text) =>
        TryParse(text, out SchemaState s) ? s : throw new FormatException($"Unknown state '{text}'.");

    public static CompatibilityMode ParseMode(string text) =>
        TryParse(text, out CompatibilityMode m) ? m : throw new FormatException($"Unknown compatibility mode '{text}'.");

    public static Role ParseRole(string text) =>
        TryParse(text, out Role r) ? r : throw new FormatException($"Unknown role '{text}'.");

    private static bool TryFind<T>(Dictionary<T, string> map, string? text, [MaybeNullWhen(false)] out T value) where T : struct
    {
        foreach (var (key, name) in map)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }
        value = default;
        return false;
    }
}
