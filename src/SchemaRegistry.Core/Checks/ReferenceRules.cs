using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Checks;

/// <summary>
/// VAL-1304: every referenced schema must be an exact, published version. Aliases are refused, since a
/// published schema whose reference moved under it would no longer be immutable.
/// </summary>
public static class ReferenceRules
{
    /// <summary>Parses references; those that are not exact FQIDs are reported and left out of the result.</summary>
    public static IReadOnlyList<Fqid> Parse(IReadOnlyList<string> references, Layers layers, List<Issue> issues)
    {
        var parsed = new List<Fqid>();
        foreach (var text in references)
        {
            if (!SchemaSelector.TryParse(text, layers, out var selector, out var error))
            {
                issues.Add(Issue(text, $"Reference schemareg:{SubjectName.Printable(text)} is not a valid FQID: {error}"));
            }
            else if (selector.Exact is null)
            {
                issues.Add(Issue(text, $"Reference schemareg:{selector} is an alias; references must name an exact published version."));
            }
            else
            {
                parsed.Add(selector.Exact);
            }
        }
        return parsed;
    }

    /// <summary>Reports each reference whose target is missing (null state) or not published.</summary>
    public static void CheckPublished(IReadOnlyDictionary<Fqid, SchemaState?> targets, List<Issue> issues)
    {
        foreach (var (fqid, state) in targets)
        {
            if (state is null)
            {
                issues.Add(Issue(fqid.ToString(), $"Referenced schema {fqid} does not exist; register and publish it first."));
            }
            else if (state != SchemaState.Published)
            {
                issues.Add(Issue(fqid.ToString(), $"Referenced schema {fqid} is {WireNames.Of(state.Value)}, not published; publish it first."));
            }
        }
    }

    private static Issue Issue(string target, string message) =>
        new(ErrorCode.ReferenceUnresolved, $"/$ref/{SubjectName.Printable(target)}", message);
}
