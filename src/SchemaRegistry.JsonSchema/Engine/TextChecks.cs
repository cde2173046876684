using System.Text.RegularExpressions;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>A check of a string instance against a format.</summary>
internal delegate bool TextCheck(ReadOnlySpan<char> value);

/// <summary>Where the compiler gets pattern regexes and format checks.</summary>
internal static class TextChecks
{
    public static Regex CompilePattern(string pattern, TimeSpan timeout) => new(pattern, RegexOptions.Compiled, timeout);

    public static TextCheck? Format(string name) => null;
}
