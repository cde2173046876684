using System.Globalization;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class OneOfKeyword(string absoluteLocation, SchemaNode[] branches) : Keyword("oneOf", absoluteLocation)
{
    public override IEnumerable<SchemaNode> InPlaceSubschemas => branches;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var mark = context.ErrorMark;
        var matches = 0;
        var first = -1;
        Evaluated? winner = null;
        for (var i = 0; i < branches.Length && matches < 2; i++)
        {
            var copy = reader;
            var branchEvaluated = evaluated is null ? null : new Evaluated();
            if (Apply(branches[i], ref copy, context, branchEvaluated, Name, i.ToString(CultureInfo.InvariantCulture)))
            {
                matches++;
                if (first < 0)
                {
                    first = i;
                    winner = branchEvaluated;
                }
                else
                {
                    context.RollbackErrors(mark);
                    return Fail(context, $"The value matches oneOf alternatives {first} and {i}; exactly one must match.");
                }
            }
        }
        if (matches == 1)
        {
            context.RollbackErrors(mark);
            if (winner is not null)
            {
                evaluated!.UnionWith(winner);
            }
            return true;
        }
        return Fail(context, $"The value matches none of the {branches.Length} oneOf alternatives.");
    }
}
