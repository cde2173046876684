namespace SchemaRegistry.JsonSchema.Patterns;

/// <summary>
/// Parses the subset of ECMA-262 patterns that <see cref="Utf8PatternMatcher"/> runs: literals and classes over
/// ASCII, <c>.</c>, <c>\d \D \w \W</c>, groups, alternation, <c>* + ? {n} {n,} {n,m}</c>, and <c>^</c>/<c>$</c>
/// at the ends. Anything else (lookarounds, backreferences, <c>\s</c>, <c>\b</c>, non-ASCII literals) is
/// declined, and the pattern goes to the regex engine instead.
/// </summary>
internal sealed class PatternParser
{
    private readonly string _pattern;
    private int _at;

    private PatternParser(string pattern) => _pattern = pattern;

    public bool UsesDot { get; private set; }

    public static bool TryParse(string pattern, out PatternNode? node, out bool anchoredStart, out bool anchoredEnd, out bool usesDot)
    {
        node = null;
        usesDot = false;
        anchoredStart = pattern.StartsWith('^');
        anchoredEnd = pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal);
        var body = pattern[(anchoredStart ? 1 : 0)..(pattern.Length - (anchoredEnd ? 1 : 0))];
        if (anchoredEnd && body.Length == 0 && pattern.Length == 1)
        {
            anchoredStart = false;
        }
        var parser = new PatternParser(body);
        try
        {
            node = parser.ParseAlternation();
            if (parser._at != body.Length)
            {
                return false;
            }
            // ^a|b$ anchors only one branch: leave that to the regex engine.
            if ((anchoredStart || anchoredEnd) && node is PatternNode.Alternation)
            {
                return false;
            }
            usesDot = parser.UsesDot;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private PatternNode ParseAlternation()
    {
        var options = new List<PatternNode> { ParseSequence() };
        while (Peek() == '|')
        {
            _at++;
            options.Add(ParseSequence());
        }
        return options.Count == 1 ? options[0] : new PatternNode.Alternation(options);
    }

    private PatternNode ParseSequence()
    {
        var items = new List<PatternNode>();
        while (_at < _pattern.Length && Peek() is not ('|' or ')'))
        {
            items.Add(ParseQuantified(ParseAtom()));
        }
        return new PatternNode.Sequence(items);
    }

    private PatternNode ParseAtom()
    {
        var c = _pattern[_at++];
        switch (c)
        {
            case '(':
                if (Peek() == '?')
                {
                    if (_at + 1 < _pattern.Length && _pattern[_at + 1] == ':')
                    {
                        _at += 2;
                    }
                    else
                    {
                        throw new FormatException("lookaround or named group");
                    }
                }
                var inner = ParseAlternation();
                Expect(')');
                return inner;
            case '[':
                return new PatternNode.Atom(ParseClass());
            case '.':
                UsesDot = true;
                return new PatternNode.Atom(CharClass.Dot, IsDot: true);
            case '\\':
                return new PatternNode.Atom(ParseEscape(inClass: false));
            case '^' or '$' or ')' or ']' or '{' or '}' or '*' or '+' or '?' or '|':
                throw new FormatException("unsupported position of a special character");
            default:
                return c < 128 ? new PatternNode.Atom(CharClass.Of(c)) : throw new FormatException("non-ASCII literal");
        }
    }

    private PatternNode ParseQuantified(PatternNode atom)
    {
        if (_at >= _pattern.Length)
        {
            return atom;
        }
        int min;
        int? max;
        switch (_pattern[_at])
        {
            case '*':
                (min, max) = (0, null);
                _at++;
                break;
            case '+':
                (min, max) = (1, null);
                _at++;
                break;
            case '?':
                (min, max) = (0, 1);
                _at++;
                break;
            case '{':
                _at++;
                min = ParseNumber();
                max = min;
                if (Peek() == ',')
                {
                    _at++;
                    max = Peek() == '}' ? null : ParseNumber();
                }
                Expect('}');
                if (max < min || min > 64 || max > 64)
                {
                    throw new FormatException("repetition too large");
                }
                break;
            default:
                return atom;
        }
        if (Peek() == '?')
        {
            _at++; // Laziness changes which match is found, not whether one is.
        }
        if (Peek() is '*' or '+' or '?' or '{')
        {
            throw new FormatException("nested quantifier");
        }
        return new PatternNode.Repeat(atom, min, max);
    }

    private CharClass ParseClass()
    {
        var negated = Peek() == '^';
        if (negated)
        {
            _at++;
        }
        var result = default(CharClass);
        var first = true;
        while (true)
        {
            if (_at >= _pattern.Length)
            {
                throw new FormatException("unterminated class");
            }
            var c = _pattern[_at];
            if (c == ']' && !first)
            {
                _at++;
                break;
            }
            if (c == ']')
            {
                throw new FormatException("empty class");
            }
            first = false;
            _at++;
            CharClass item;
            char? single = null;
            if (c == '\\')
            {
                item = ParseEscape(inClass: true);
                single = SingleChar(item);
            }
            else if (c < 128)
            {
                item = CharClass.Of(c);
                single = c;
            }
            else
            {
                throw new FormatException("non-ASCII literal in class");
            }
            if (single is { } low && Peek() == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
            {
                _at++;
                var highChar = _pattern[_at++];
                char high;
                if (highChar == '\\')
                {
                    high = SingleChar(ParseEscape(inClass: true)) ?? throw new FormatException("class escape in range");
                }
                else
                {
                    high = highChar < 128 ? highChar : throw new FormatException("non-ASCII range");
                }
                if (high < low)
                {
                    throw new FormatException("reversed range");
                }
                item = CharClass.Range(low, high);
            }
            result = result.Union(item);
        }
        return negated ? result.Negate() : result;
    }

    private CharClass ParseEscape(bool inClass)
    {
        if (_at >= _pattern.Length)
        {
            throw new FormatException("trailing backslash");
        }
        var c = _pattern[_at++];
        return c switch
        {
            'd' => CharClass.Digit,
            'D' => CharClass.Digit.Negate(),
            'w' => CharClass.Word,
            'W' => CharClass.Word.Negate(),
            't' => CharClass.Of('\t'),
            'n' => CharClass.Of('\n'),
            'r' => CharClass.Of('\r'),
            '-' when inClass => CharClass.Of('-'),
            '.' or '\\' or '/' or '(' or ')' or '[' or ']' or '{' or '}' or '*' or '+' or '?' or '|' or '^' or '$' => CharClass.Of(c),
            '-' => CharClass.Of('-'),
            _ => throw new FormatException("unsupported escape"),
        };
    }

    private static char? SingleChar(CharClass set)
    {
        if (set.NonAscii)
        {
            return null;
        }
        var count = System.Numerics.BitOperations.PopCount(set.Low) + System.Numerics.BitOperations.PopCount(set.High);
        if (count != 1)
        {
            return null;
        }
        return set.Low != 0
            ? (char)System.Numerics.BitOperations.TrailingZeroCount(set.Low)
            : (char)(64 + System.Numerics.BitOperations.TrailingZeroCount(set.High));
    }

    private int ParseNumber()
    {
        var start = _at;
        while (_at < _pattern.Length && char.IsAsciiDigit(_pattern[_at]))
        {
            _at++;
        }
        if (_at == start || _at - start > 3)
        {
            throw new FormatException("bad repetition count");
        }
        return int.Parse(_pattern.AsSpan(start, _at - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    private char? Peek() => _at < _pattern.Length ? _pattern[_at] : null;

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new FormatException($"expected {c}");
        }
        _at++;
    }
}
