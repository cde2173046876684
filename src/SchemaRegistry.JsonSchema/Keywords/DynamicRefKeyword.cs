using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>
/// $dynamicRef (2020-12): when the statically resolved target carries a $dynamicAnchor of the same name, the
/// outermost resource in the dynamic scope that defines that anchor wins; otherwise it behaves as $ref.
/// </summary>
internal sealed class DynamicRefKeyword(string absoluteLocation, SchemaNode target, string? anchor) : Keyword("$dynamicRef", absoluteLocation)
{
    public override bool ConsumesValue => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var resolved = target;
        if (anchor is not null)
        {
            foreach (var scope in context.DynamicScope)
            {
                if (scope.DynamicAnchors.TryGetValue(anchor, out var candidate))
                {
                    resolved = candidate;
                    break;
                }
            }
        }
        return Apply(resolved, ref reader, context, evaluated, Name);
    }
}
