using System.Globalization;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class AnyOfKeyword(string absoluteLocation, SchemaNode[] branches) : Keyword("anyOf", absoluteLocation)
{
    public override IEnumerable<SchemaNode> InPlaceSubschemas => branches;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var mark = context.ErrorMark;
        var any = false;
        for (var i = 0; i < branches.Length; i++)
        {
            var copy = reader;
            var branchEvaluated = evaluated is null ? null : new Evaluated();
            if (Apply(branches[i], ref copy, context, branchEvaluated, Name, i.ToString(CultureInfo.InvariantCulture)))
            {
                any = true;
                if (evaluated is null)
                {
                    // Without annotations to gather, the first passing branch decides.
                    break;
                }
                evaluated.UnionWith(branchEvaluated!);
            }
        }
        if (any)
        {
            context.RollbackErrors(mark);
            return true;
        }
        return Fail(context, $"The value matches none of the {branches.Length} anyOf alternatives.");
    }
}
