using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class MultipleOfKeyword(string absoluteLocation, JsonNumber divisor) : Keyword("multipleOf", absoluteLocation)
{
    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return true;
        }
        var value = JsonNumber.Read(ref reader);
        return value.IsMultipleOf(divisor) || Fail(context, $"{value} is not a multiple of {divisor}.");
    }
}
