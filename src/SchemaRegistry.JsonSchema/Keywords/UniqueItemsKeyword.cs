using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class UniqueItemsKeyword(string absoluteLocation) : Keyword("uniqueItems", absoluteLocation)
{
    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return true;
        }
        using var document = JsonDocument.ParseValue(ref reader);
        var items = document.RootElement.EnumerateArray().ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                if (JsonEquality.Equal(items[i], items[j]))
                {
                    return Fail(context, $"Items {i} and {j} are equal; all items must be unique.");
                }
            }
        }
        return true;
    }
}
