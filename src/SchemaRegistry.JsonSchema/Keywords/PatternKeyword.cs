using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Patterns;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>
/// <c>pattern</c>: simple patterns run on the UTF-8 bytes with <see cref="Utf8PatternMatcher"/>; the rest go to the
/// translated ECMA-262 regex.
/// </summary>
internal sealed class PatternKeyword(string absoluteLocation, string pattern, Regex regex, Utf8PatternMatcher? matcher) : Keyword("pattern", absoluteLocation)
{
    /// <summary>The byte-level matcher, when the pattern has one.</summary>
    public Utf8PatternMatcher? Matcher => matcher;

    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (!InstanceText.IsString(reader.TokenType))
        {
            return true;
        }
        if (matcher is not null)
        {
            return MatchBytes(ref reader) || Fail(context, $"The string does not match the pattern {Clip(pattern)}.");
        }
        var buffer = new CharBuffer();
        try
        {
            var text = buffer.Decode(reader, stackalloc char[InstanceText.StackLimit]);
            return Regexes.BoundedMatch.IsMatch(regex, text) || Fail(context, $"The string does not match the pattern {Clip(pattern)}.");
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

    private bool MatchBytes(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return matcher!.IsMatch(reader.ValueSpan);
        }
        var length = reader.ValueSpan.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= InstanceText.StackLimit ? stackalloc byte[InstanceText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return matcher!.IsMatch(buffer[..reader.CopyString(buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
