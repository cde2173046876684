using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class TypeKeyword(string absoluteLocation, JsonTypes allowed, string description) : Keyword("type", absoluteLocation)
{
    public JsonTypes Allowed => allowed;

    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        return Matches(ref reader, allowed) || Fail(context, $"Expected {description} but found {Describe(Actual(reader.TokenType))}.");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static JsonTypes Actual(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonTypes.Object,
        JsonTokenType.StartArray => JsonTypes.Array,
        JsonTokenType.String or JsonTokenType.PropertyName => JsonTypes.String,
        JsonTokenType.True or JsonTokenType.False => JsonTypes.Boolean,
        JsonTokenType.Null => JsonTypes.Null,
        _ => JsonTypes.Number,
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Matches(ref Utf8JsonReader reader, JsonTypes allowed)
    {
        var actual = Actual(reader.TokenType);
        if ((allowed & actual) != 0)
        {
            return true;
        }
        return actual == JsonTypes.Number && (allowed & JsonTypes.Integer) != 0 && JsonNumber.IsIntegerToken(ref reader);
    }

    private static string Describe(JsonTypes type) => type switch
    {
        JsonTypes.Object => "an object",
        JsonTypes.Array => "an array",
        JsonTypes.String => "a string",
        JsonTypes.Boolean => "a boolean",
        JsonTypes.Null => "null",
        _ => "a number",
    };
}
