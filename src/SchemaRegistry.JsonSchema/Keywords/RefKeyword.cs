using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>$ref: evaluates the statically resolved target in place.</summary>
internal sealed class RefKeyword(string absoluteLocation, SchemaNode target) : Keyword("$ref", absoluteLocation)
{
    public override bool ConsumesValue => true;

    public override IEnumerable<SchemaNode> InPlaceSubschemas => [target];

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated) =>
        Apply(target, ref reader, context, evaluated, Name);
}
