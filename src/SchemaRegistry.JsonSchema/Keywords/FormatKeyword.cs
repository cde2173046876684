using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Formats;

namespace SchemaRegistry.JsonSchema.Keywords;

internal sealed class FormatKeyword(string absoluteLocation, string format, FormatChecker checker) : Keyword("format", absoluteLocation)
{
    public FormatChecker Checker => checker;

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
            return checker(text) || Fail(context, $"The string is not a valid {format}.");
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
