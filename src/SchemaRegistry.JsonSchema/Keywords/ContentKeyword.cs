using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>
/// Draft-07's contentEncoding (base64) and contentMediaType (application/json) as assertions; later drafts made
/// them annotations only, so the compiler adds this keyword for draft-07 and earlier.
/// </summary>
internal sealed class ContentKeyword(string absoluteLocation, bool base64, bool json) : Keyword("contentMediaType", absoluteLocation)
{
    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return true;
        }
        var text = reader.GetString()!;
        byte[] content;
        if (base64)
        {
            try
            {
                content = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return Fail(context, "The string is not valid base64.");
            }
        }
        else
        {
            content = Encoding.UTF8.GetBytes(text);
        }
        if (json)
        {
            try
            {
                using var document = JsonDocument.Parse(content);
            }
            catch (JsonException)
            {
                return Fail(context, "The content is not a valid JSON document.");
            }
        }
        return true;
    }
}
