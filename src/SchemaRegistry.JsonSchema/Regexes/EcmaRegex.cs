using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>
/// ECMA-262 regular expressions (as JSON Schema's <c>pattern</c>, <c>patternProperties</c> and the
/// <c>regex</c> format use them, with the semantics of the <c>u</c> flag) compiled to .NET <see cref="Regex"/>.
/// </summary>
/// <remarks>
/// Safety: a translated pattern that needs no backreference and no lookaround (ECMA <c>\b</c>, <c>\B</c> and
/// multiline anchors are written with lookarounds) is compiled with <see cref="RegexOptions.NonBacktracking"/>,
/// whose matching time is linear in the input, so no pattern can make it hang. Every other pattern, and any
/// pattern whose automaton .NET refuses to build non-backtracking (very large counted repetitions), is compiled
/// as a backtracking regex with the caller's match timeout, so a catastrophic pattern ends in a
/// <see cref="RegexMatchTimeoutException"/> instead of a hang. Both kinds carry the timeout.
/// Compiled expressions are cached by (pattern, timeout); the cache is emptied when it reaches
/// <see cref="CacheCapacity"/> entries, so a stream of distinct patterns cannot grow memory without bound.
/// </remarks>
internal static class EcmaRegex
{
    public const int CacheCapacity = 1000;

    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Regex> Cache = new();

    /// <summary>
    /// Compiles an ECMA-262 pattern. Throws <see cref="ArgumentException"/> with the reason when the pattern is
    /// not valid ECMA-262, or when it is valid but uses a feature this translation cannot honour (for example
    /// a Unicode property .NET has no data for).
    /// </summary>
    /// <param name="pattern">The ECMA-262 pattern source, without delimiters or flags.</param>
    /// <param name="matchTimeout">A finite positive timeout for each match.</param>
    public static Regex Compile(string pattern, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (matchTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(matchTimeout), matchTimeout, "The match timeout must be finite and positive: patterns that need backtracking rely on it.");
        }
        var key = (pattern, matchTimeout);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var regex = Build(pattern, matchTimeout);
        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(key, regex);
    }

    /// <summary>True when <paramref name="pattern"/> is a valid ECMA-262 pattern under the <c>u</c> flag grammar.</summary>
    public static bool IsValid(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            EcmaPatternTranslator.Translate(pattern);
            return true;
        }
        catch (NotSupportedException)
        {
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when <see cref="Compile"/> would pick <see cref="RegexOptions.NonBacktracking"/> for the pattern.</summary>
    internal static bool UsesNonBacktracking(string pattern, TimeSpan matchTimeout) =>
        (Compile(pattern, matchTimeout).Options & RegexOptions.NonBacktracking) != 0;

    private static Regex Build(string pattern, TimeSpan matchTimeout)
    {
        EcmaTranslation translation;
        try
        {
            translation = EcmaPatternTranslator.Translate(pattern);
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException($"The pattern '{pattern}' is valid ECMA-262 but cannot be used: {ex.Message}", nameof(pattern), ex);
        }

        const RegexOptions options = RegexOptions.CultureInvariant;
        if (!translation.RequiresBacktracking)
        {
            try
            {
                return new Regex(translation.Pattern, options | RegexOptions.NonBacktracking, matchTimeout);
            }
            catch (NotSupportedException)
            {
                // The automaton would be too large; the backtracking engine with its timeout is the safe fallback.
            }
        }
        try
        {
            return new Regex(translation.Pattern, options, matchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The pattern '{pattern}' could not be compiled by .NET after translation: {ex.Message}", nameof(pattern), ex);
        }
    }
}
