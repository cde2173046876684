using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>if/then/else as one keyword: the condition's outcome picks the branch; its annotations count when it passes.</summary>
internal sealed class IfThenElseKeyword(string absoluteLocation, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
    : Keyword("if", absoluteLocation)
{
    public override IEnumerable<SchemaNode> InPlaceSubschemas => new[] { condition, then, otherwise }.OfType<SchemaNode>();

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var start = reader;
        var conditionEvaluated = evaluated is null ? null : new Evaluated();
        context.Suspend();
        bool holds;
        try
        {
            holds = Apply(condition, ref reader, context, conditionEvaluated, "if");
        }
        finally
        {
            context.Resume();
        }
        if (holds && conditionEvaluated is not null)
        {
            evaluated!.UnionWith(conditionEvaluated);
        }
        var branch = holds ? then : otherwise;
        if (branch is null)
        {
            return true;
        }
        return Apply(branch, ref start, context, evaluated, holds ? "then" : "else");
    }
}
