using System.Diagnostics;
using System.Text.RegularExpressions;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Tests.Regexes;

public sealed class EcmaRegexTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static bool Matches(string pattern, string input) => EcmaRegex.Compile(pattern, Timeout).IsMatch(input);

    [Fact]
    public void Nested_quantifiers_cannot_hang_the_process()
    {
        var input = new string('a', 50) + "!";
        var stopwatch = Stopwatch.StartNew();

        var matched = Matches("^(a+)+$", input);

        stopwatch.Stop();
        Assert.False(matched);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(500), $"took {stopwatch.Elapsed}");
        Assert.True(EcmaRegex.UsesNonBacktracking("^(a+)+$", Timeout));
    }

    [Fact]
    public void A_catastrophic_pattern_that_needs_backtracking_ends_with_the_timeout()
    {
        // The lookahead forces the backtracking engine; the timeout is what bounds it.
        var regex = EcmaRegex.Compile("^(?=(a+)+$)b", TimeSpan.FromMilliseconds(100));
        Assert.Equal(RegexOptions.None, regex.Options & RegexOptions.NonBacktracking);
        var stopwatch = Stopwatch.StartNew();

        Assert.Throws<RegexMatchTimeoutException>(() => regex.IsMatch(new string('a', 40) + "!"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("^abc$")]
    [InlineData("[a-z]+\\d*")]
    [InlineData("\\p{L}+")]
    [InlineData("(?<year>\\d{4})-(?:\\d\\d)")]
    [InlineData("(?i:abc)")]
    [InlineData(".")]
    public void Patterns_without_backreferences_or_lookarounds_run_non_backtracking(string pattern) =>
        Assert.True(EcmaRegex.UsesNonBacktracking(pattern, Timeout));

    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("(?<n>a)\\k<n>")]
    [InlineData("a(?=b)")]
    [InlineData("(?<!a)b")]
    [InlineData("\\bword\\b")]
    [InlineData("(?m:^a$)")]
    public void Backreferences_and_lookarounds_run_backtracking_with_the_timeout(string pattern)
    {
        var regex = EcmaRegex.Compile(pattern, Timeout);
        Assert.False(EcmaRegex.UsesNonBacktracking(pattern, Timeout));
        Assert.Equal(Timeout, regex.MatchTimeout);
    }

    [Fact]
    public void Compiling_the_same_pattern_twice_returns_the_cached_instance() =>
        Assert.Same(EcmaRegex.Compile("^cache-me-[0-9]+$", Timeout), EcmaRegex.Compile("^cache-me-[0-9]+$", Timeout));

    [Fact]
    public void The_cache_stays_bounded()
    {
        for (var i = 0; i < EcmaRegex.CacheCapacity + 50; i++)
        {
            Assert.True(Matches("^bounded" + i + "$", "bounded" + i));
        }
    }

    [Fact]
    public void A_timeout_that_is_not_finite_and_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaRegex.Compile("a", Regex.InfiniteMatchTimeout));
        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaRegex.Compile("a", TimeSpan.Zero));
    }

    [Theory]
    [InlineData("^\\d$", "0", true)]
    [InlineData("^\\d$", "\u0660", false)]
    [InlineData("^\\D$", "\u0660", true)]
    [InlineData("^\\w$", "_", true)]
    [InlineData("^\\w$", "é", false)]
    [InlineData("^\\W$", "é", true)]
    [InlineData("^\\s$", "\uFEFF", true)]
    [InlineData("^\\s$", "\u2003", true)]
    [InlineData("^\\s$", "\u0085", false)]
    [InlineData("^\\S$", "\u0085", true)]
    [InlineData("^[\\s]$", "\u3000", true)]
    [InlineData("^[^\\s]$", "\u3000", false)]
    [InlineData("^abc$", "abc\n", false)]
    [InlineData("abc$", "xabc", true)]
    [InlineData("^\\cJ$", "\n", true)]
    [InlineData("^\\cj$", "\n", true)]
    [InlineData("^[\\cJ]$", "\n", true)]
    [InlineData("^\\x41\\u0042\\u{43}$", "ABC", true)]
    [InlineData("^\\u{1F600}$", "😀", true)]
    [InlineData("^\\uD83D\\uDE00$", "😀", true)]
    [InlineData("^\\0$", "\0", true)]
    [InlineData("^[\\b]$", "\b", true)]
    [InlineData("^\\/\\.\\*$", "/.*", true)]
    [InlineData("^[\\-a]+$", "-a-", true)]
    public void Escapes_have_their_ECMA_meaning(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("^.$", "😀", true)]
    [InlineData("^..$", "😀", false)]
    [InlineData("^.$", "\n", false)]
    [InlineData("^.$", "\u2028", false)]
    [InlineData("^[^a]$", "😀", true)]
    [InlineData("^[^a]{2}$", "😀", false)]
    [InlineData("^[😀-😂]$", "😁", true)]
    [InlineData("^[😀-😂]$", "😃", false)]
    [InlineData("^😀{2}$", "😀😀", true)]
    [InlineData("^\\S$", "😀", true)]
    [InlineData("^\\P{L}$", "😀", true)]
    [InlineData("^\\p{L}$", "\U0001D54F", true)]
    [InlineData("^\\p{Lu}$", "\U0001D54F", true)]
    [InlineData("^\\p{Ll}$", "\U0001D54F", false)]
    [InlineData("^[\\u{10000}-\\u{10FFFF}]+$", "😀\U0010FFFD", true)]
    [InlineData("^[\\u{10000}-\\u{10FFFF}]+$", "a", false)]
    public void Supplementary_characters_are_single_code_points(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("\\p{Letter}cole", "l'école", true)]
    [InlineData("\\p{L}", "1", false)]
    [InlineData("^\\p{digit}+$", "৪২", true)]
    [InlineData("^\\p{Nd}+$", "৪২", true)]
    [InlineData("^\\p{General_Category=Decimal_Number}$", "5", true)]
    [InlineData("^\\p{gc=Lu}$", "A", true)]
    [InlineData("^\\P{Lu}$", "A", false)]
    [InlineData("^[\\P{Lu}]$", "a", true)]
    [InlineData("^[^\\P{Lu}]$", "A", true)]
    [InlineData("^\\p{Script=Greek}+$", "αβγ", true)]
    [InlineData("^\\p{sc=Grek}+$", "abc", false)]
    [InlineData("^\\p{scx=Cyrillic}$", "ж", true)]
    [InlineData("^\\p{ASCII}+$", "abc", true)]
    [InlineData("^\\p{ASCII}+$", "é", false)]
    [InlineData("^\\p{Any}$", "😀", true)]
    [InlineData("^\\p{Assigned}$", "\uFFFF", false)]
    public void Unicode_property_escapes_resolve(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("(a)|\\1b", "b", true)]
    [InlineData("\\1(a)", "a", true)]
    [InlineData("^(a)\\1$", "aa", true)]
    [InlineData("^(a)\\1$", "ab", false)]
    [InlineData("^(?<first>a)(b)\\2\\k<first>$", "abba", true)]
    [InlineData("^(?<n>a)(b)\\1$", "aba", true)]
    [InlineData("^(?<n>a)(b)\\1$", "abb", false)]
    [InlineData("^\\k<later>(?<later>x)$", "x", true)]
    [InlineData("(?<=a+)b", "aaab", true)]
    [InlineData("(?<=a+)b", "cb", false)]
    [InlineData("(?<!a)b", "ab", false)]
    [InlineData("a(?=b)", "ab", true)]
    [InlineData("a(?!b)", "ab", false)]
    [InlineData("\\bfoo\\b", "a foo b", true)]
    [InlineData("\\bfoo\\b", "éfooé", true)]
    [InlineData("\\bfoo\\b", "xfoo", false)]
    [InlineData("\\Bfoo", "xfoo", true)]
    public void Groups_backreferences_and_assertions_follow_ECMA(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("(?i:abc)", "ABC", true)]
    [InlineData("a(?i:b)c", "aBc", true)]
    [InlineData("a(?i:b)c", "aBC", false)]
    [InlineData("(?i:a(?-i:b))", "Ab", true)]
    [InlineData("(?i:a(?-i:b))", "AB", false)]
    [InlineData("(?i:[^a])", "A", false)]
    [InlineData("(?s:^.$)", "\n", true)]
    [InlineData("(?m:^b$)", "a\nb\nc", true)]
    [InlineData("(?m:^b$)", "a\rb\rc", true)]
    [InlineData("^b$", "a\nb\nc", false)]
    public void Inline_modifiers_apply_to_their_group(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("[]", "a", false)]
    [InlineData("^[^]$", "a", true)]
    [InlineData("^[^]$", "\n", true)]
    [InlineData("^a{2}$", "aa", true)]
    [InlineData("^a{2,}$", "aaaa", true)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("^a{0,99999999999}$", "aaa", true)]
    [InlineData("^a+?$", "aaa", true)]
    [InlineData("^[--0]$", ".", true)]
    [InlineData("^[a-]$", "-", true)]
    public void Classes_and_quantifiers(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("\\a")]
    [InlineData("\\e")]
    [InlineData("\\z")]
    [InlineData("\\A")]
    [InlineData("\\_")]
    [InlineData("(?P<name>x)")]
    [InlineData("(?P<n>a)(?P=n)")]
    [InlineData("(?#comment)a")]
    [InlineData("(?i)abc")]
    [InlineData("(?ims)abc")]
    [InlineData("(?ii:a)")]
    [InlineData("(?i-i:a)")]
    [InlineData("(?-:a)")]
    [InlineData("(?x:a)")]
    [InlineData("^(abc]")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("[")]
    [InlineData("a{")]
    [InlineData("a{1")]
    [InlineData("a{,5}")]
    [InlineData("{1}")]
    [InlineData("}")]
    [InlineData("]")]
    [InlineData("*a")]
    [InlineData("a**")]
    [InlineData("a{2,1}")]
    [InlineData("(?=a)*")]
    [InlineData("(?<=a)+")]
    [InlineData("^*")]
    [InlineData("\\b+")]
    [InlineData("\\1")]
    [InlineData("(a)\\2")]
    [InlineData("\\k<name>")]
    [InlineData("(?<a>x)\\k<b>")]
    [InlineData("\\k")]
    [InlineData("(?<a>x)(?<a>y)")]
    [InlineData("(?<1a>x)")]
    [InlineData("(?<>x)")]
    [InlineData("[z-a]")]
    [InlineData("[\\d-z]")]
    [InlineData("[a-\\w]")]
    [InlineData("[\\B]")]
    [InlineData("[\\1]")]
    [InlineData("[\\k<a>](?<a>x)")]
    [InlineData("\\c")]
    [InlineData("\\c1")]
    [InlineData("\\x1")]
    [InlineData("\\u12")]
    [InlineData("\\u{}")]
    [InlineData("\\u{110000}")]
    [InlineData("\\01")]
    [InlineData("\\p")]
    [InlineData("\\p{")]
    [InlineData("\\p{letter}")]
    [InlineData("\\p{Foo}")]
    [InlineData("\\p{Foo=Bar}")]
    [InlineData("\\p{gc=Foo}")]
    [InlineData("\\p{RGI_Emoji}")]
    [InlineData("\\")]
    public void Invalid_ECMA_patterns_are_rejected(string pattern)
    {
        Assert.False(EcmaRegex.IsValid(pattern));
        var ex = Assert.ThrowsAny<ArgumentException>(() => EcmaRegex.Compile(pattern, Timeout));
        Assert.Contains("ECMA-262", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(?<name>x)")]
    [InlineData("(?<n>a)\\k<n>")]
    [InlineData("(?<$a_\\u0062>x)\\k<$a_b>")]
    [InlineData("(?<=a+)b")]
    [InlineData("[]")]
    [InlineData("[^]")]
    [InlineData("\\cA")]
    [InlineData("([abc])+\\s+$")]
    [InlineData("(?i:a)(?-i:b)(?ms-i:c)")]
    [InlineData("\\u{1F600}")]
    [InlineData("\\p{Script=Latin}")]
    [InlineData("[\\p{L}\\p{N}_-]")]
    [InlineData("\\/")]
    [InlineData("")]
    [InlineData("a|")]
    [InlineData("(?:)")]
    public void Valid_ECMA_patterns_are_accepted(string pattern)
    {
        Assert.True(EcmaRegex.IsValid(pattern));
        Assert.NotNull(EcmaRegex.Compile(pattern, Timeout));
    }

    [Theory]
    [InlineData("\\p{Alphabetic}")]
    [InlineData("\\p{Script=Tifinagh}")]
    public void Valid_patterns_this_translation_cannot_honour_are_valid_but_do_not_compile(string pattern)
    {
        Assert.True(EcmaRegex.IsValid(pattern));
        var ex = Assert.Throws<ArgumentException>(() => EcmaRegex.Compile(pattern, Timeout));
        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var pattern = new string('(', 100_000) + new string(')', 100_000);
        Assert.Throws<ArgumentException>(() => EcmaRegex.Compile(pattern, Timeout));
    }
}
