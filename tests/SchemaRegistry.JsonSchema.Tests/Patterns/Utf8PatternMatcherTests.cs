using System.Text;
using SchemaRegistry.JsonSchema.Patterns;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Tests.Patterns;

/// <summary>The UTF-8 automaton must agree with the ECMA-262 regex on every string; it is only faster.</summary>
public sealed class Utf8PatternMatcherTests
{
    public static TheoryData<string> Supported =>
    [
        "^INV-[0-9]{8}$", "^CUST-[0-9]{6}$", "^[A-Z]{2}[0-9A-Z]{8,12}$", "^[A-Z]{3}-[0-9]{4}(-[A-Z0-9]{2})?$",
        "^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$", "^$", "a*$", "^a*", "a+", "x?y", "(ab|cd)+", "^(ab|cd)+$", "^[^0-9]+$",
        "^.{2,3}$", "^.*$", "a*$", "^(a|b)?$", "\\d+", "^\\W*$", "^\\D\\w$", "[.]", "a{0,2}b", "^(a|b)*c$", "^(?:a|)b$", "ab|cd", "^[a-z_][a-z0-9_]*$",
        "^[\\-+]?[0-9]+(\\.[0-9]+)?$", "^[^@]+@[^@]+\\.[a-z]{2,}$", "colou?r", "^(a{2})*$", "[a-c][^a-c]", "(a*)*", "^(a+)+$",
    ];

    public static TheoryData<string> Declined =>
    [
        "^a|b$", "\\s+", "\\bword\\b", "(a)\\1", "(?=a)b", "\\p{L}+", "é+", "[é]", "\\u0041", "a{100}", "a**",
    ];

    [Theory]
    [MemberData(nameof(Supported))]
    public void The_automaton_agrees_with_the_regex_on_random_strings(string pattern)
    {
        var matcher = Utf8PatternMatcher.TryCreate(pattern);
        Assert.NotNull(matcher);
        var regex = EcmaRegex.Compile(pattern, TimeSpan.FromSeconds(1));
        var random = new Random(pattern.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        string[] alphabet = ["a", "b", "c", "d", "x", "y", "r", "o", "u", "l", "A", "Z", "I", "N", "V", "C", "U", "S", "T", "0", "1", "9", "-", " ", ".", "@", "_", "+", "\n", "é", "😀", "\u2028"];
        foreach (var text in Samples(random, alphabet).Concat(["", "INV-12345678", "CUST-123456", "DE123456789", "ABC-1234", "ABC-1234-X9", "10115", "colour", "color", "abcd", "a.b@example.com"]))
        {
            var expected = regex.IsMatch(text);
            Assert.True(expected == matcher!.IsMatch(Encoding.UTF8.GetBytes(text)), $"pattern {pattern} on \"{text}\": regex says {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void Patterns_outside_the_subset_are_left_to_the_regex_engine(string pattern) =>
        Assert.Null(Utf8PatternMatcher.TryCreate(pattern));

    private static IEnumerable<string> Samples(Random random, string[] alphabet)
    {
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(0, 14);
            var builder = new StringBuilder();
            for (var j = 0; j < length; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
            yield return builder.ToString();
        }
    }
}
