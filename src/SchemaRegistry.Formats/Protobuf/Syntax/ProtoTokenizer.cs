using System.Text;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>Splits <c>.proto</c> text into tokens, dropping whitespace and comments and decoding string escapes.</summary>
internal sealed class ProtoTokenizer
{
    private readonly string text;
    private int index;
    private int line = 1;
    private int lineStart;

    private ProtoTokenizer(string text) => this.text = text;

    public static List<Token> Tokenize(string text)
    {
        var tokenizer = new ProtoTokenizer(text);
        var tokens = new List<Token>();
        while (true)
        {
            var token = tokenizer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private SourcePosition Here => new(line, index - lineStart + 1);

    private Token Next()
    {
        SkipTrivia();
        var start = Here;
        if (index >= text.Length)
        {
            return new Token(TokenKind.End, "", "", start);
        }

        var c = text[index];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var begin = index;
            while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_'))
            {
                index++;
            }

            var word = text[begin..index];
            return new Token(TokenKind.Identifier, word, word, start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1])))
        {
            return Number(start);
        }

        if (c is '"' or '\'')
        {
            return QuotedString(start);
        }

        if ("{}[]()<>;,=.:-+/".Contains(c, StringComparison.Ordinal))
        {
            index++;
            return new Token(TokenKind.Symbol, c.ToString(), c.ToString(), start);
        }

        throw new ProtoSyntaxException(start, $"unexpected character '{Printable(c)}'");
    }

    private void SkipTrivia()
    {
        while (index < text.Length)
        {
            var c = text[index];
            if (c == '\n')
            {
                index++;
                line++;
                lineStart = index;
            }
            else if (char.IsWhiteSpace(c))
            {
                index++;
            }
            else if (c == '/' && index + 1 < text.Length && text[index + 1] == '/')
            {
                while (index < text.Length && text[index] != '\n')
                {
                    index++;
                }
            }
            else if (c == '/' && index + 1 < text.Length && text[index + 1] == '*')
            {
                var start = Here;
                index += 2;
                while (index < text.Length && !(text[index] == '*' && index + 1 < text.Length && text[index + 1] == '/'))
                {
                    if (text[index] == '\n')
                    {
                        line++;
                        lineStart = index + 1;
                    }

                    index++;
                }

                if (index >= text.Length)
                {
                    throw new ProtoSyntaxException(start, "unclosed block comment: expected '*/'");
                }

                index += 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token Number(SourcePosition start)
    {
        var begin = index;
        var isFloat = false;
        if (text[index] == '0' && index + 1 < text.Length && text[index + 1] is 'x' or 'X')
        {
            index += 2;
            while (index < text.Length && char.IsAsciiHexDigit(text[index]))
            {
                index++;
            }
        }
        else
        {
            while (index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] == '.'))
            {
                isFloat |= text[index] == '.';
                index++;
            }

            if (index < text.Length && text[index] is 'e' or 'E')
            {
                isFloat = true;
                index++;
                if (index < text.Length && text[index] is '+' or '-')
                {
                    index++;
                }

                while (index < text.Length && char.IsAsciiDigit(text[index]))
                {
                    index++;
                }
            }
        }

        if (index < text.Length && (char.IsAsciiLetter(text[index]) || text[index] == '_'))
        {
            throw new ProtoSyntaxException(Here, $"expected a separator after the number '{text[begin..index]}', found '{Printable(text[index])}'");
        }

        var spelling = text[begin..index];
        return new Token(isFloat ? TokenKind.Float : TokenKind.Integer, spelling, spelling, start);
    }

    private Token QuotedString(SourcePosition start)
    {
        var quote = text[index++];
        var bytes = new List<byte>();
        while (true)
        {
            if (index >= text.Length || text[index] == '\n')
            {
                throw new ProtoSyntaxException(start, $"unclosed string: expected {quote} before the end of the line");
            }

            var c = text[index++];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            Escape(bytes);
        }

        var array = bytes.ToArray();
        return new Token(TokenKind.String, Encoding.UTF8.GetString(array), ProtoStrings.Escape(array), start);
    }

    private void Escape(List<byte> bytes)
    {
        var at = Here;
        if (index >= text.Length)
        {
            throw new ProtoSyntaxException(at, "unfinished escape sequence");
        }

        var c = text[index++];
        switch (c)
        {
            case 'a': bytes.Add(7); break;
            case 'b': bytes.Add(8); break;
            case 'f': bytes.Add(12); break;
            case 'n': bytes.Add(10); break;
            case 'r': bytes.Add(13); break;
            case 't': bytes.Add(9); break;
            case 'v': bytes.Add(11); break;
            case '\\' or '\'' or '"' or '?': bytes.Add((byte)c); break;
            case 'x' or 'X':
                bytes.Add((byte)Digits(16, 2, at));
                break;
            case >= '0' and <= '7':
                index--;
                var octal = Digits(8, 3, at);
                if (octal > 255)
                {
                    throw new ProtoSyntaxException(at, "octal escape above \\377");
                }

                bytes.Add((byte)octal);
                break;
            case 'u':
                bytes.AddRange(Encoding.UTF8.GetBytes(CodePoint(Digits(16, 4, at, exact: true), at)));
                break;
            case 'U':
                bytes.AddRange(Encoding.UTF8.GetBytes(CodePoint(Digits(16, 8, at, exact: true), at)));
                break;
            default:
                throw new ProtoSyntaxException(at, $"invalid escape '\\{Printable(c)}'");
        }
    }

    private int Digits(int radix, int most, SourcePosition at, bool exact = false)
    {
        var value = 0;
        var count = 0;
        while (count < most && index < text.Length && Digit(text[index], radix) is var digit && digit >= 0)
        {
            value = (value * radix) + digit;
            index++;
            count++;
        }

        if (count == 0 || (exact && count != most))
        {
            throw new ProtoSyntaxException(at, $"expected {(exact ? most : 1)} {(radix == 16 ? "hexadecimal" : "octal")} digit(s) in the escape");
        }

        return value;
    }

    private static int Digit(char c, int radix)
    {
        var value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value < radix ? value : -1;
    }

    private static string CodePoint(int value, SourcePosition at) =>
        value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF)
            ? throw new ProtoSyntaxException(at, $"\\u escape U+{value:X} is not a Unicode scalar value")
            : char.ConvertFromUtf32(value);

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
