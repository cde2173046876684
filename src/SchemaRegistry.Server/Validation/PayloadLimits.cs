using SchemaRegistry.Core.Errors;
using SchemaRegistry.JsonSchema.Limits;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Validation;

/// <summary>
/// The registry's size and complexity limits of a JSON Schema payload (VAL-1103), and its refusal of patterns that
/// need backtracking (VAL-1104): one linear pass over the payload, run at registration and edit, and before every
/// content check, so nothing costly is done with a payload that exceeds them.
/// </summary>
internal static class PayloadLimits
{
    /// <summary>The finding for the first limit <paramref name="payload"/> exceeds, naming the setting that raises it; or null.</summary>
    public static Issue? Check(string payload, RegistryOptions options)
    {
        if (SchemaLimits.Check(payload, options.LimitOptions) is not { } violation)
        {
            return null;
        }
        var backtracking = violation.Limit == nameof(SchemaLimitOptions.AllowBacktrackingPatterns);
        var setting = backtracking ? "Registry:AllowBacktrackingPatterns" : "Registry:SchemaLimits:" + violation.Limit;
        return new Issue(backtracking ? ErrorCode.BacktrackingPattern : ErrorCode.SchemaOverLimit, violation.Location,
            $"{violation.Message} Setting: {setting}.");
    }

    /// <summary>Throws the 422 for the first limit exceeded.</summary>
    public static void Enforce(string payload, RegistryOptions options)
    {
        if (Check(payload, options) is { } issue)
        {
            throw new RegistryException(RegistryError.FromIssues(
                issue.Code == ErrorCode.BacktrackingPattern ? "Pattern needs backtracking" : "Schema over a limit", [issue]));
        }
    }
}
