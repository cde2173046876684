using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// Second opinion on the keyword-by-keyword verdicts: a change that was judged incompatible or unproven in a
/// direction is re-judged by deciding inclusion of the schema nodes that contain it, deepest first. When some
/// enclosing node of the old schema is included in the new one (BACKWARD) or the reverse (FORWARD), the change
/// cannot break that direction, whatever it looked like on its own (e.g. an enum widened inside an allOf whose
/// other branch already limits the values).
/// </summary>
internal sealed class InclusionRefiner(JsonElement oldRoot, JsonElement newRoot)
{
    private static readonly HashSet<ChangeKind> OwnedByObject = [ChangeKind.RequiredAdded, ChangeKind.RequiredRemoved];
    private static readonly HashSet<ChangeKind> OwnedByAdditional = [ChangeKind.AdditionalPropertiesClosed, ChangeKind.AdditionalPropertiesOpened];

    private readonly Normaliser oldForms = new(oldRoot);
    private readonly Normaliser newForms = new(newRoot);
    private readonly InclusionChecker checker = new();
    private readonly Dictionary<(string Path, bool Backward), (Outcome Outcome, string Path)> decided = [];
    private readonly Dictionary<(string Path, bool Old), (SchemaNode? Node, Lazy<Norm?> Form)> forms = [];

    private static readonly HashSet<ChangeKind> MemberExamples =
        [ChangeKind.PropertyAdded, ChangeKind.PropertyRemoved, ChangeKind.RequiredAdded, ChangeKind.RequiredRemoved];

    public List<SchemaChange> Refine(IEnumerable<SchemaChange> changes) => changes.Select(Refine).Select(Checked).ToList();

    /// <summary>
    /// Drops a breaking example the normal forms show does not break (e.g. an empty array offered against a
    /// <c>contains</c> the keyword comparison does not model): a wrong example is worse than none.
    /// </summary>
    private SchemaChange Checked(SchemaChange change)
    {
        if (change.Example is not { } text || (change.Backward != false && change.Forward != false))
        {
            return change;
        }
        var segments = SchemaNode.Segments(change.Path);
        var owned = MemberExamples.Contains(change.Kind) ? 2 : OwnedByAdditional.Contains(change.Kind) ? 1 : 0;
        if (segments.Count < owned)
        {
            return change;
        }
        segments.RemoveRange(segments.Count - owned, owned);
        var depth = SchemaNode.Ancestors(segments)[0];
        var (oldNode, oldForm) = Form(segments, depth, old: true);
        var (newNode, newForm) = Form(segments, depth, old: false);
        if (oldNode is null || newNode is null || oldForm is null || newForm is null || !(Unanalysed(oldNode) || Unanalysed(newNode)))
        {
            return change;
        }
        JsonElement example;
        try
        {
            example = SchemaJson.Parse(text);
        }
        catch (JsonException)
        {
            return change with { Example = null };
        }
        var (mustOld, mustNew) = change.Backward == false ? (true, false) : (false, true);
        var contradicted = Membership.Of(oldForm, example) == !mustOld || Membership.Of(newForm, example) == !mustNew;
        return contradicted ? change with { Example = null } : change;
    }

    private SchemaChange Refine(SchemaChange change)
    {
        if (change.Backward == true && change.Forward == true)
        {
            return change;
        }
        var segments = SchemaNode.Segments(change.Path);
        if (OwnedByObject.Contains(change.Kind) && segments.Count >= 2)
        {
            segments.RemoveRange(segments.Count - 2, 2);
        }
        else if (OwnedByAdditional.Contains(change.Kind) && segments.Count >= 1)
        {
            segments.RemoveAt(segments.Count - 1);
        }
        var context = InContext(segments);
        var backward = change.Backward == true || (change.Backward == false && !context) ? null : Decide(segments, backward: true);
        var forward = change.Forward == true || (change.Forward == false && !context) ? null : Decide(segments, backward: false);
        var provenBackward = backward is { Outcome.Holds: true };
        var provenForward = forward is { Outcome.Holds: true };
        if (!provenBackward && !provenForward)
        {
            var why = (change.Backward is null ? backward : null) ?? (change.Forward is null ? forward : null);
            return why is { Outcome.Reason: { } reason }
                ? change with { Reason = $"{change.Reason} Deciding inclusion of the enclosing schema did not settle it either: {reason}." }
                : change;
        }
        var newBackward = provenBackward ? true : change.Backward;
        var newForward = provenForward ? true : change.Forward;
        // The example witnessed the direction that was false; it no longer stands if that direction was proven.
        var example = change.Backward == false ? (newBackward == false ? change.Example : null)
            : change.Forward == false && newForward == false ? change.Example : null;
        var proven = string.Join(" and ", new[]
        {
            provenBackward ? $"every value the old schema accepts at '{Where(backward!.Value.Path)}' is accepted by the new one (backward compatible)" : null,
            provenForward ? $"every value the new schema accepts at '{Where(forward!.Value.Path)}' is accepted by the old one (forward compatible)" : null,
        }.Where(s => s is not null));
        return change with
        {
            Backward = newBackward,
            Forward = newForward,
            Example = example,
            Reason = $"Judged on the enclosing schema rather than keyword by keyword: {proven}. (On its own the keyword change reads: {change.Reason})",
        };
    }

    private static string Where(string path) => path.Length == 0 ? "/" : path;

    private (Outcome Outcome, string Path)? Decide(List<string> segments, bool backward)
    {
        (Outcome, string)? deepest = null;
        foreach (var length in SchemaNode.Ancestors(segments))
        {
            var path = string.Concat(segments.Take(length).Select(s => "/" + Json.JsonPointer.Escape(s)));
            if (!decided.TryGetValue((path, backward), out var answer))
            {
                answer = (Check(segments, length, backward), path);
                decided[(path, backward)] = answer;
            }
            if (answer.Outcome.Holds)
            {
                return answer;
            }
            deepest ??= answer;
        }
        return deepest;
    }

    private Outcome Check(List<string> segments, int length, bool backward)
    {
        var (_, oldForm) = Form(segments, length, old: true);
        var (_, newForm) = Form(segments, length, old: false);
        if (oldForm is null || newForm is null)
        {
            return Outcome.No("the schema at this path is not a single node on both sides");
        }
        return backward ? checker.Includes(oldForm, newForm) : checker.Includes(newForm, oldForm);
    }

    /// <summary>The node at a path prefix and its normal form, built once per diff (its lazy parts are shared too).</summary>
    private (SchemaNode? Node, Norm? Form) Form(List<string> segments, int length, bool old)
    {
        var (node, form) = Located(segments, length, old);
        return (node, form.Value);
    }

    private (SchemaNode? Node, Lazy<Norm?> Form) Located(List<string> segments, int length, bool old)
    {
        var path = string.Concat(segments.Take(length).Select(s => "/" + Json.JsonPointer.Escape(s)));
        if (!forms.TryGetValue((path, old), out var known))
        {
            var normaliser = old ? oldForms : newForms;
            var node = SchemaNode.At(old ? oldRoot : newRoot, segments, length, normaliser.RefSiblingsIgnored);
            known = (node, new Lazy<Norm?>(() => node is null ? null : normaliser.Of(node), LazyThreadSafetyMode.None));
            forms[(path, old)] = known;
        }
        return known;
    }

    /// <summary>
    /// Whether a keyword-level "incompatible" may be masked by its surroundings: the change sits inside a composition
    /// or a reference, or its node has keywords that limit values together (enum/const, composition, conditions,
    /// keywords the comparison does not analyse), or the two sides use different drafts. Elsewhere the keyword comparison is exact and is not re-judged,
    /// which keeps wide records fast.
    /// </summary>
    private bool InContext(List<string> segments)
    {
        if (oldForms.Draft != newForms.Draft || segments.Any(s => s is "allOf" or "anyOf" or "oneOf" or "not"))
        {
            return true;
        }
        var depth = SchemaNode.Ancestors(segments)[0];
        return Masking(Located(segments, depth, old: true).Node) || Masking(Located(segments, depth, old: false).Node);
    }

    private static bool Masking(SchemaNode? node) =>
        node is null || node.Member is not null || (node.Schema.ValueKind == JsonValueKind.Object && node.Schema.EnumerateObject().Any(p =>
            p.Name is "enum" or "const" or "allOf" or "anyOf" or "oneOf" or "not" or "if" or "$ref" or "multipleOf" or "uniqueItems"
            || (!SchemaComparer.Handled.Contains(p.Name) && !Normaliser.IsAnnotation(p.Name))));

    /// <summary>The keyword comparison chose its example without looking at these keywords of the node.</summary>
    private static bool Unanalysed(SchemaNode node) =>
        node.Schema.ValueKind == JsonValueKind.Object && node.Schema.EnumerateObject().Any(p => !SchemaComparer.Handled.Contains(p.Name) && !Normaliser.IsAnnotation(p.Name));
}
