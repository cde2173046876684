using System.Text.RegularExpressions;

namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>
/// Runs a match of a backtracking regex at most once per value and thread: a value is often checked several times in
/// a row (the closed variant of a schema, the schema itself, then again to collect the reasons), and each pass
/// would spend the whole match timeout again. A match that timed out is remembered for the next few matches on
/// this thread and answered with the same timeout at once, so a hostile value costs one timeout, not one per pass.
/// </summary>
internal static class BoundedMatch
{
    private const int Remembered = 4;

    [ThreadStatic]
    private static Regex?[]? t_regexes;

    [ThreadStatic]
    private static string?[]? t_texts;

    [ThreadStatic]
    private static int t_next;

    /// <summary>As <see cref="Regex.IsMatch(ReadOnlySpan{char})"/>; throws <see cref="RegexMatchTimeoutException"/> at once for a remembered timeout.</summary>
    public static bool IsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        if ((regex.Options & RegexOptions.NonBacktracking) != 0)
        {
            return regex.IsMatch(text);
        }
        if (t_regexes is { } regexes)
        {
            for (var i = 0; i < Remembered; i++)
            {
                if (ReferenceEquals(regexes[i], regex) && text.SequenceEqual(t_texts![i]))
                {
                    throw new RegexMatchTimeoutException(t_texts[i]!, regex.ToString(), regex.MatchTimeout);
                }
            }
        }
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            t_regexes ??= new Regex?[Remembered];
            t_texts ??= new string?[Remembered];
            t_regexes[t_next] = regex;
            t_texts[t_next] = text.ToString();
            t_next = (t_next + 1) % Remembered;
            throw;
        }
    }
}
