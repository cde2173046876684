using System.Text;

namespace SchemaRegistry.Core.Tests.Errors;

/// <summary>The contents of a C# file's string literals (regular, verbatim, interpolated, raw), comments skipped.</summary>
internal static class CSharpText
{
    public static List<string> StringLiterals(string text)
    {
        var literals = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (At(text, i, "//"))
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
            }
            else if (At(text, i, "/*"))
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : text.Length;
            }
            else if (text[i] == '\'')
            {
                i = SkipChar(text, i);
            }
            else if (text[i] == '"' || (text[i] is '@' or '$' && QuoteAfterPrefix(text, i) >= 0))
            {
                var quote = text[i] == '"' ? i : QuoteAfterPrefix(text, i);
                var prefix = text.AsSpan(i, quote - i);
                i = Read(text, quote, prefix.Contains('@'), prefix.Contains('$'), literals);
            }
            else
            {
                i++;
            }
        }
        return literals;
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int QuoteAfterPrefix(string text, int i)
    {
        while (i < text.Length && text[i] is '@' or '$')
        {
            i++;
        }
        return i < text.Length && text[i] == '"' ? i : -1;
    }

    private static int SkipChar(string text, int i)
    {
        i++;
        while (i < text.Length && text[i] != '\'')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int Read(string text, int quote, bool verbatim, bool interpolated, List<string> literals)
    {
        var quotes = 0;
        while (quote + quotes < text.Length && text[quote + quotes] == '"')
        {
            quotes++;
        }
        if (quotes >= 3)
        {
            var close = new string('"', quotes);
            var end = text.IndexOf(close, quote + quotes, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end;
            literals.Add(text[(quote + quotes)..end]);
            return Math.Min(text.Length, end + quotes);
        }
        if (quotes == 2)
        {
            literals.Add("");
            return quote + 2;
        }
        var content = new StringBuilder();
        var i = quote + 1;
        while (i < text.Length)
        {
            if (interpolated && text[i] == '{' && !At(text, i, "{{"))
            {
                i = ReadHole(text, i, content, literals);
            }
            else if (interpolated && (At(text, i, "{{") || At(text, i, "}}")))
            {
                content.Append(text, i, 2);
                i += 2;
            }
            else if (verbatim && At(text, i, "\"\""))
            {
                content.Append("\"\"");
                i += 2;
            }
            else if (text[i] == '"' || (!verbatim && text[i] == '\n'))
            {
                break;
            }
            else if (!verbatim && text[i] == '\\' && i + 1 < text.Length)
            {
                content.Append(text, i, 2);
                i += 2;
            }
            else
            {
                content.Append(text[i++]);
            }
        }
        literals.Add(content.ToString());
        return i + 1;
    }

    /// <summary>An interpolation hole from its '{' to the matching '}', copied into the literal; strings inside it are literals too.</summary>
    private static int ReadHole(string text, int i, StringBuilder content, List<string> literals)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' || (c is '@' or '$' && QuoteAfterPrefix(text, i) >= 0))
            {
                var quote = c == '"' ? i : QuoteAfterPrefix(text, i);
                var prefix = text.AsSpan(i, quote - i);
                var end = Read(text, quote, prefix.Contains('@'), prefix.Contains('$'), literals);
                content.Append(text, i, end - i);
                i = end;
                continue;
            }
            content.Append(c);
            i++;
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                break;
            }
        }
        return i;
    }
}
