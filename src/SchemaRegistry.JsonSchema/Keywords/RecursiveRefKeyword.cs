using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>$recursiveRef (2019-09): with $recursiveAnchor on the target, the outermost such resource in the dynamic scope wins.</summary>
internal sealed class RecursiveRefKeyword(string absoluteLocation, SchemaNode target, bool targetIsAnchored) : Keyword("$recursiveRef", absoluteLocation)
{
    public override bool ConsumesValue => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var resolved = target;
        if (targetIsAnchored)
        {
            foreach (var scope in context.DynamicScope)
            {
                if (scope.RecursiveAnchor && scope.Root is { } root)
                {
                    resolved = root;
                    break;
                }
            }
        }
        return Apply(resolved, ref reader, context, evaluated, Name);
    }
}
