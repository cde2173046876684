using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>minLength or maxLength, counted in code points.</summary>
internal sealed class LengthKeyword(string name, string absoluteLocation, long limit, bool isMaximum) : Keyword(name, absoluteLocation)
{
    public long Limit => limit;

    public bool IsMaximum => isMaximum;

    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (!InstanceText.IsString(reader.TokenType))
        {
            return true;
        }
        // A string has at least a quarter as many code points as UTF-8 bytes, and at most as many.
        var bytes = reader.ValueSpan.Length;
        if (isMaximum ? bytes <= limit : (!reader.ValueIsEscaped && bytes / 4 >= limit))
        {
            return true;
        }
        var length = InstanceText.CodePointLength(ref reader);
        if (isMaximum ? length <= limit : length >= limit)
        {
            return true;
        }
        return isMaximum
            ? Fail(context, $"The string has {length} characters; at most {limit} are allowed.")
            : Fail(context, $"The string has {length} characters; at least {limit} are required.");
    }
}
