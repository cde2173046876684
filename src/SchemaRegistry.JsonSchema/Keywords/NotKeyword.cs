using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class NotKeyword(string absoluteLocation, SchemaNode schema) : Keyword("not", absoluteLocation)
{
    public override IEnumerable<SchemaNode> InPlaceSubschemas => [schema];

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        context.Suspend();
        bool matched;
        try
        {
            matched = Apply(schema, ref reader, context, null, Name);
        }
        finally
        {
            context.Resume();
        }
        return !matched || Fail(context, "The value must not match the schema under 'not'.");
    }
}
