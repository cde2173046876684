using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class PatternKeyword(string absoluteLocation, string pattern, Regex regex) : Keyword("pattern", absoluteLocation)
{
    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (!InstanceText.IsString(reader.TokenType))
        {
            return true;
        }
        var buffer = new CharBuffer();
        try
        {
            var text = buffer.Decode(reader, stackalloc char[InstanceText.StackLimit]);
            return regex.IsMatch(text) || Fail(context, $"The string does not match the pattern {Clip(pattern)}.");
        }
        catch (RegexMatchTimeoutException)
        {
            return Fail(context, $"Matching the pattern {Clip(pattern)} took too long; the value is treated as not matching.");
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
