using System.Globalization;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class AllOfKeyword(string absoluteLocation, SchemaNode[] branches) : Keyword("allOf", absoluteLocation)
{
    public override IEnumerable<SchemaNode> InPlaceSubschemas => branches;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var valid = true;
        for (var i = 0; i < branches.Length; i++)
        {
            var copy = reader;
            if (!Apply(branches[i], ref copy, context, evaluated, Name, i.ToString(CultureInfo.InvariantCulture)))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }
        }
        return valid;
    }
}
