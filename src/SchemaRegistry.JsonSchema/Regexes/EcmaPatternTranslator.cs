using System.Globalization;
using System.Text;

namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>
/// Parses an ECMA-262 pattern with the grammar of the <c>u</c> flag (the strict grammar: no Annex B leniency)
/// and writes an equivalent .NET pattern. Everything whose .NET meaning differs is rewritten:
/// <c>\d \w \s</c> and <c>\b</c> get their ECMA sets, <c>$</c> becomes <c>\z</c>, <c>.</c> and classes match
/// whole code points (a supplementary character is one unit, as with <c>u</c>), <c>\p{...}</c> is resolved
/// here, capture groups are numbered left to right even when named, and a backreference to a group that
/// has not participated matches the empty string. Inline modifiers <c>(?ims-ims:...)</c> (ES2025) are accepted.
/// Lone surrogates never match: valid JSON text carries none. Known gaps: a group inside a quantified
/// group keeps its capture from an earlier iteration (ECMA resets it); case-insensitive matching of
/// supplementary characters is not folded.
/// </summary>
internal sealed class EcmaPatternTranslator
{
    private const int MaxNesting = 256;
    private const int MaxOutputLength = 4_000_000;

    private static readonly CodePointSet Digits = CodePointSet.Range('0', '9');
    private static readonly CodePointSet WordChars = CodePointSet.FromPairs('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
    // With the u and i flags, ECMA adds the characters whose simple case folding is a word character.
    private static readonly CodePointSet WordCharsIgnoreCase = WordChars.Union(CodePointSet.FromPairs(0x017F, 0x017F, 0x212A, 0x212A));
    private static readonly CodePointSet LineTerminators = CodePointSet.FromPairs('\n', '\n', '\r', '\r', 0x2028, 0x2029);
    private static readonly Lazy<CodePointSet> WhiteSpace = new(() =>
        CodePointSet.FromPairs('\t', '\r', 0xFEFF, 0xFEFF, 0x2028, 0x2029).Union(UnicodeProperties.Category(UnicodeCategory.SpaceSeparator)));

    private readonly string _pattern;
    private readonly StringBuilder _out = new();
    private readonly List<string?> _groupNames;
    private int _pos;
    private int _depth;
    private bool _ignoreCase;
    private bool _multiline;
    private bool _dotAll;
    private bool _requiresBacktracking;

    private EcmaPatternTranslator(string pattern)
    {
        _pattern = pattern;
        _groupNames = ScanGroups(pattern);
    }

    /// <summary>
    /// Translates <paramref name="pattern"/>. Throws <see cref="ArgumentException"/> when it is not a valid
    /// ECMA-262 pattern, <see cref="NotSupportedException"/> when it is valid but cannot be translated faithfully.
    /// </summary>
    public static EcmaTranslation Translate(string pattern)
    {
        var translator = new EcmaPatternTranslator(pattern);
        translator.ParseDisjunction();
        if (translator._pos < pattern.Length)
        {
            throw translator.Error("unmatched ')'");
        }
        return new EcmaTranslation(translator._out.ToString(), translator._requiresBacktracking);
    }

    private bool AtEnd => _pos >= _pattern.Length;

    private char Current => _pattern[_pos];

    private char PeekAt(int offset) => _pos + offset < _pattern.Length ? _pattern[_pos + offset] : '\0';

    private ArgumentException Error(string reason)
    {
        var shown = _pattern.Length > 100 ? _pattern[..100] + "…" : _pattern;
        return new ArgumentException($"'{shown}' is not a valid ECMA-262 regular expression: {reason} (at offset {_pos}).");
    }

    private void ParseDisjunction()
    {
        if (++_depth > MaxNesting)
        {
            throw new NotSupportedException($"The pattern nests groups more than {MaxNesting} levels deep.");
        }
        ParseAlternative();
        while (!AtEnd && Current == '|')
        {
            _pos++;
            _out.Append('|');
            ParseAlternative();
        }
        _depth--;
    }

    private void ParseAlternative()
    {
        while (!AtEnd && Current != '|' && Current != ')')
        {
            ParseTerm();
            if (_out.Length > MaxOutputLength)
            {
                throw new NotSupportedException("The translated pattern is too large.");
            }
        }
    }

    private void ParseTerm()
    {
        switch (Current)
        {
            case '^':
                _pos++;
                AppendLineAnchor(start: true);
                RejectQuantifier();
                return;
            case '$':
                _pos++;
                AppendLineAnchor(start: false);
                RejectQuantifier();
                return;
            case '\\' when PeekAt(1) is 'b' or 'B':
                var negated = PeekAt(1) == 'B';
                _pos += 2;
                AppendWordBoundary(negated);
                RejectQuantifier();
                return;
            case '(' when PeekAt(1) == '?' && (PeekAt(2) is '=' or '!' || (PeekAt(2) == '<' && PeekAt(3) is '=' or '!')):
                ParseLookaround();
                RejectQuantifier();
                return;
            case '*' or '+' or '?':
                throw Error("nothing to repeat");
            case '{':
                throw Error(TryReadBraceQuantifier(out _, out _, out _) ? "nothing to repeat" : "lone '{' (write \\{ for a literal brace)");
            case '}':
                throw Error("lone '}' (write \\} for a literal brace)");
            case ']':
                throw Error("lone ']' (write \\] for a literal bracket)");
        }
        ParseAtom();
        ParseQuantifier();
    }

    private void RejectQuantifier()
    {
        if (!AtEnd && Current is '*' or '+' or '?' or '{')
        {
            throw Error("an assertion cannot be quantified");
        }
    }

    private void ParseQuantifier()
    {
        if (AtEnd)
        {
            return;
        }
        switch (Current)
        {
            case '*' or '+' or '?':
                _out.Append(Current);
                _pos++;
                break;
            case '{':
                if (!TryReadBraceQuantifier(out var min, out var max, out var length))
                {
                    throw Error("incomplete quantifier (write \\{ for a literal brace)");
                }
                if (max is not null && CompareDecimal(min, max) > 0)
                {
                    throw Error("numbers out of order in {} quantifier");
                }
                _pos += length;
                _out.Append('{').Append(ClampCount(min));
                if (max is null)
                {
                    _out.Append(',');
                }
                else if (!ReferenceEquals(max, min))
                {
                    _out.Append(',').Append(ClampCount(max));
                }
                _out.Append('}');
                break;
            default:
                return;
        }
        if (!AtEnd && Current == '?')
        {
            _out.Append('?');
            _pos++;
        }
    }

    /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at the current position without consuming it.</summary>
    /// <param name="min">The digits of n.</param>
    /// <param name="max">The digits of m; the same instance as <paramref name="min"/> for <c>{n}</c>, null for <c>{n,}</c>.</param>
    /// <param name="length">Characters the quantifier spans.</param>
    private bool TryReadBraceQuantifier(out string min, out string? max, out int length)
    {
        min = string.Empty;
        max = null;
        length = 0;
        var i = _pos + 1;
        var start = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }
        if (i == start || i >= _pattern.Length)
        {
            return false;
        }
        min = _pattern[start..i];
        if (_pattern[i] == '}')
        {
            max = min;
            length = i + 1 - _pos;
            return true;
        }
        if (_pattern[i] != ',')
        {
            return false;
        }
        i++;
        start = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }
        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }
        max = i == start ? null : _pattern[start..i];
        length = i + 1 - _pos;
        return true;
    }

    private static int CompareDecimal(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    // No .NET string can be longer than int.MaxValue, so larger counts behave the same once clamped.
    private static string ClampCount(string digits)
    {
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return "0";
        }
        return trimmed.Length > 10 || long.Parse(trimmed, CultureInfo.InvariantCulture) > int.MaxValue
            ? int.MaxValue.ToString(CultureInfo.InvariantCulture)
            : trimmed;
    }

    private void ParseAtom()
    {
        switch (Current)
        {
            case '.':
                _pos++;
                if (_dotAll)
                {
                    CodePointSet.Empty.AppendPattern(_out, negate: true);
                }
                else
                {
                    LineTerminators.AppendPattern(_out, negate: true);
                }
                return;
            case '[':
                ParseClass();
                return;
            case '(':
                ParseGroup();
                return;
            case '\\':
                ParseAtomEscape();
                return;
            default:
                AppendLiteral(ReadSourceCodePoint());
                return;
        }
    }

    private int ReadSourceCodePoint()
    {
        var c = Current;
        if (char.IsHighSurrogate(c) && _pos + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(c, _pattern[_pos - 1]);
        }
        _pos++;
        return c;
    }

    private void AppendLiteral(int codePoint)
    {
        if (codePoint > 0xFFFF)
        {
            _out.Append("(?:");
            var s = char.ConvertFromUtf32(codePoint);
            CodePointSet.AppendUnit(_out, s[0]);
            CodePointSet.AppendUnit(_out, s[1]);
            _out.Append(')');
            return;
        }
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            // A lone surrogate code point cannot occur in well-formed text.
            CodePointSet.Empty.AppendPattern(_out, negate: false);
            return;
        }
        CodePointSet.AppendUnit(_out, codePoint);
    }

    private void AppendLineAnchor(bool start)
    {
        if (!_multiline)
        {
            // ECMA's $ matches only at the very end; .NET's $ also matches before a final \n.
            _out.Append(start ? @"\A" : @"\z");
            return;
        }
        _requiresBacktracking = true;
        _out.Append(start ? @"(?:\A|(?<=[\n\r\u2028\u2029]))" : @"(?:\z|(?=[\n\r\u2028\u2029]))");
    }

    private void AppendWordBoundary(bool negated)
    {
        // .NET's \b uses Unicode word characters; ECMA's uses [A-Za-z0-9_] only.
        _requiresBacktracking = true;
        var word = new StringBuilder();
        (_ignoreCase ? WordCharsIgnoreCase : WordChars).AppendPattern(word, negate: false);
        var w = word.ToString();
        _out.Append(negated
            ? $"(?:(?<={w})(?={w})|(?<!{w})(?!{w}))"
            : $"(?:(?<={w})(?!{w})|(?<!{w})(?={w}))");
    }

    private void ParseLookaround()
    {
        _requiresBacktracking = true;
        var behind = PeekAt(2) == '<';
        var length = behind ? 4 : 3;
        _out.Append(_pattern, _pos, length);
        _pos += length;
        ParseDisjunction();
        ExpectGroupEnd();
    }

    private void ExpectGroupEnd()
    {
        if (AtEnd)
        {
            throw Error("unterminated group");
        }
        _pos++;
        _out.Append(')');
    }

    private void ParseGroup()
    {
        if (PeekAt(1) != '?')
        {
            _pos++;
            _out.Append('(');
            ParseDisjunction();
            ExpectGroupEnd();
            return;
        }
        if (PeekAt(2) == '<')
        {
            var i = _pos + 3;
            if (!TryReadGroupName(_pattern, ref i, out var name))
            {
                _pos += 3;
                throw Error("invalid capture group name");
            }
            if (_groupNames.Count(n => string.Equals(n, name, StringComparison.Ordinal)) > 1)
            {
                throw Error($"duplicate capture group name '{name}'");
            }
            _pos = i;
            // Emitted unnamed: .NET numbers named groups after all unnamed ones, ECMA numbers all left to right.
            _out.Append('(');
            ParseDisjunction();
            ExpectGroupEnd();
            return;
        }
        ParseModifierGroup();
    }

    private void ParseModifierGroup()
    {
        _pos += 2;
        int add = 0, remove = 0;
        var hasDash = false;
        while (!AtEnd && Current != ':')
        {
            var c = Current;
            if (c == '-' && !hasDash)
            {
                hasDash = true;
                _pos++;
                continue;
            }
            var bit = c switch
            {
                'i' => 1,
                'm' => 2,
                's' => 4,
                _ => throw Error(c == ')' ? "inline flags without ':' are not ECMA-262 (only (?flags:...) groups)" : $"invalid group '(?{c}'"),
            };
            if (((add | remove) & bit) != 0)
            {
                throw Error($"flag '{c}' repeated in modifiers");
            }
            if (hasDash)
            {
                remove |= bit;
            }
            else
            {
                add |= bit;
            }
            _pos++;
        }
        if (AtEnd)
        {
            throw Error("unterminated group");
        }
        if (hasDash && add == 0 && remove == 0)
        {
            throw Error("empty modifiers '(?-:'");
        }
        _pos++;

        var (savedI, savedM, savedS) = (_ignoreCase, _multiline, _dotAll);
        _ignoreCase = (_ignoreCase || (add & 1) != 0) && (remove & 1) == 0;
        _multiline = (_multiline || (add & 2) != 0) && (remove & 2) == 0;
        _dotAll = (_dotAll || (add & 4) != 0) && (remove & 4) == 0;
        _out.Append(_ignoreCase == savedI ? "(?:" : _ignoreCase ? "(?i:" : "(?-i:");
        ParseDisjunction();
        ExpectGroupEnd();
        (_ignoreCase, _multiline, _dotAll) = (savedI, savedM, savedS);
    }

    private void ParseAtomEscape()
    {
        _pos++;
        if (AtEnd)
        {
            throw Error("\\ at end of pattern");
        }
        var c = Current;
        switch (c)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                _pos++;
                ClassEscapeSet(c).AppendPattern(_out, negate: char.IsAsciiLetterUpper(c));
                return;
            case 'p' or 'P':
                _pos++;
                ParsePropertyBody().AppendPattern(_out, negate: c == 'P');
                return;
            case 'k':
                _pos++;
                ParseNamedBackreference();
                return;
            case >= '1' and <= '9':
                var start = _pos;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _pos++;
                }
                var digits = _pattern[start.._pos];
                if (digits.Length > 9 || int.Parse(digits, CultureInfo.InvariantCulture) > _groupNames.Count)
                {
                    throw Error($"backreference \\{digits} to a group that does not exist");
                }
                AppendBackreference(int.Parse(digits, CultureInfo.InvariantCulture));
                return;
            default:
                AppendLiteral(ParseCharacterEscape(inClass: false));
                return;
        }
    }

    private void ParseNamedBackreference()
    {
        if (AtEnd || Current != '<')
        {
            throw Error("\\k must be followed by <name>");
        }
        var i = _pos + 1;
        if (!TryReadGroupName(_pattern, ref i, out var name))
        {
            throw Error("invalid group name after \\k");
        }
        var number = _groupNames.IndexOf(name) + 1;
        if (number == 0)
        {
            throw Error($"\\k<{name}> refers to no capture group");
        }
        _pos = i;
        AppendBackreference(number);
    }

    private void AppendBackreference(int number)
    {
        // ECMA: a reference to a group that has not captured matches empty; .NET would fail, hence the conditional.
        _requiresBacktracking = true;
        _out.Append("(?(").Append(number).Append(@")\k<").Append(number).Append(">|)");
    }

    /// <summary>Parses the escape after the backslash (the current character) and returns the code point it denotes.</summary>
    private int ParseCharacterEscape(bool inClass)
    {
        var c = Current;
        _pos++;
        switch (c)
        {
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return '\v';
            case 'c':
                if (AtEnd || !char.IsAsciiLetter(Current))
                {
                    throw Error("\\c must be followed by an ASCII letter");
                }
                return _pattern[_pos++] % 32;
            case '0':
                if (!AtEnd && char.IsAsciiDigit(Current))
                {
                    throw Error("octal escapes are not allowed");
                }
                return 0;
            case 'x':
                if (_pos + 2 > _pattern.Length || !char.IsAsciiHexDigit(_pattern[_pos]) || !char.IsAsciiHexDigit(_pattern[_pos + 1]))
                {
                    throw Error("\\x must be followed by two hex digits");
                }
                _pos += 2;
                return int.Parse(_pattern.AsSpan(_pos - 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            case 'u':
                _pos--;
                if (!TryReadUnicodeEscape(_pattern, ref _pos, out var codePoint))
                {
                    throw Error("invalid \\u escape");
                }
                return codePoint;
            case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/':
                return c;
            case '-' when inClass:
                return c;
            default:
                _pos--;
                throw Error($"invalid escape '\\{c}'");
        }
    }

    /// <summary>Reads <c>uXXXX</c>, <c>uXXXX\uXXXX</c> (a surrogate pair) or <c>u{X...}</c> starting at the 'u'.</summary>
    private static bool TryReadUnicodeEscape(string p, ref int i, out int codePoint)
    {
        codePoint = 0;
        var j = i + 1;
        if (j < p.Length && p[j] == '{')
        {
            j++;
            var digits = 0;
            while (j < p.Length && char.IsAsciiHexDigit(p[j]))
            {
                codePoint = (codePoint << 4) | HexValue(p[j]);
                if (codePoint > CodePointSet.MaxCodePoint)
                {
                    return false;
                }
                digits++;
                j++;
            }
            if (digits == 0 || j >= p.Length || p[j] != '}')
            {
                return false;
            }
            i = j + 1;
            return true;
        }
        if (!TryReadHex4(p, j, out codePoint))
        {
            return false;
        }
        j += 4;
        if (char.IsHighSurrogate((char)codePoint) && j + 6 <= p.Length && p[j] == '\\' && p[j + 1] == 'u'
            && TryReadHex4(p, j + 2, out var low) && char.IsLowSurrogate((char)low))
        {
            codePoint = char.ConvertToUtf32((char)codePoint, (char)low);
            j += 6;
        }
        i = j;
        return true;
    }

    private static bool TryReadHex4(string p, int at, out int value)
    {
        value = 0;
        if (at + 4 > p.Length)
        {
            return false;
        }
        for (var k = at; k < at + 4; k++)
        {
            if (!char.IsAsciiHexDigit(p[k]))
            {
                return false;
            }
            value = (value << 4) | HexValue(p[k]);
        }
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private CodePointSet ClassEscapeSet(char c) => char.ToLowerInvariant(c) switch
    {
        'd' => Digits,
        'w' => _ignoreCase ? WordCharsIgnoreCase : WordChars,
        _ => WhiteSpace.Value,
    };

    /// <summary>Parses <c>{...}</c> after <c>\p</c> or <c>\P</c>.</summary>
    private CodePointSet ParsePropertyBody()
    {
        if (AtEnd || Current != '{')
        {
            throw Error("\\p and \\P must be followed by {property}");
        }
        var close = _pattern.IndexOf('}', _pos);
        if (close < 0)
        {
            throw Error("unterminated \\p{...}");
        }
        var body = _pattern[(_pos + 1)..close];
        foreach (var ch in body)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_' && ch != '=')
            {
                throw Error($"invalid Unicode property name '{body}'");
            }
        }
        try
        {
            var set = UnicodeProperties.Resolve(body);
            _pos = close + 1;
            return set;
        }
        catch (ArgumentException ex)
        {
            throw Error(ex.Message);
        }
    }

    private void ParseClass()
    {
        _pos++;
        var negate = !AtEnd && Current == '^';
        if (negate)
        {
            _pos++;
        }
        var builder = new CodePointSetBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated character class");
            }
            if (Current == ']')
            {
                _pos++;
                break;
            }
            var (lowSet, low) = ParseClassAtom();
            if (!AtEnd && Current == '-' && PeekAt(1) != ']' && _pos + 1 < _pattern.Length)
            {
                _pos++;
                var (highSet, high) = ParseClassAtom();
                if (lowSet is not null || highSet is not null)
                {
                    throw Error("a character class escape cannot be a range bound");
                }
                if (low > high)
                {
                    throw Error("range out of order in character class");
                }
                builder.Add(low, high);
                continue;
            }
            if (lowSet is not null)
            {
                builder.Add(lowSet);
            }
            else
            {
                builder.Add(low, low);
            }
        }
        builder.ToSet().AppendPattern(_out, negate);
    }

    private (CodePointSet? Set, int CodePoint) ParseClassAtom()
    {
        if (Current != '\\')
        {
            return (null, ReadSourceCodePoint());
        }
        _pos++;
        if (AtEnd)
        {
            throw Error("\\ at end of pattern");
        }
        var c = Current;
        switch (c)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                _pos++;
                var set = ClassEscapeSet(c);
                return (char.IsAsciiLetterUpper(c) ? set.Complement() : set, 0);
            case 'p' or 'P':
                _pos++;
                var property = ParsePropertyBody();
                return (c == 'P' ? property.Complement() : property, 0);
            case 'b':
                _pos++;
                return (null, '\b');
            default:
                return (null, ParseCharacterEscape(inClass: true));
        }
    }

    /// <summary>
    /// Reads a RegExpIdentifierName and its closing '&gt;' starting just after '&lt;'. Identifier characters
    /// follow ID_Start/ID_Continue as far as general categories tell them apart.
    /// </summary>
    private static bool TryReadGroupName(string p, ref int i, out string name)
    {
        name = string.Empty;
        var sb = new StringBuilder();
        var j = i;
        while (j < p.Length && p[j] != '>')
        {
            int codePoint;
            if (p[j] == '\\')
            {
                j++;
                if (j >= p.Length || p[j] != 'u' || !TryReadUnicodeEscape(p, ref j, out codePoint))
                {
                    return false;
                }
            }
            else if (char.IsHighSurrogate(p[j]) && j + 1 < p.Length && char.IsLowSurrogate(p[j + 1]))
            {
                codePoint = char.ConvertToUtf32(p[j], p[j + 1]);
                j += 2;
            }
            else
            {
                codePoint = p[j++];
            }
            if (!(sb.Length == 0 ? IsIdentifierStart(codePoint) : IsIdentifierPart(codePoint)))
            {
                return false;
            }
            sb.Append(char.ConvertFromUtf32(codePoint));
        }
        if (j >= p.Length || sb.Length == 0)
        {
            return false;
        }
        i = j + 1;
        name = sb.ToString();
        return true;
    }

    private static bool IsIdentifierStart(int codePoint)
    {
        if (codePoint is '$' or '_' or 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C)
        {
            return true;
        }
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }

    private static bool IsIdentifierPart(int codePoint)
    {
        if (IsIdentifierStart(codePoint) || codePoint is 0x200C or 0x200D or 0xB7 or 0x387 or (>= 0x1369 and <= 0x1371) or 0x19DA)
        {
            return true;
        }
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>Lists capture groups in ECMA order (left to right by opening parenthesis), with their names.</summary>
    private static List<string?> ScanGroups(string p)
    {
        var names = new List<string?>();
        for (var i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    for (i++; i < p.Length && p[i] != ']'; i++)
                    {
                        if (p[i] == '\\')
                        {
                            i++;
                        }
                    }
                    break;
                case '(':
                    if (i + 1 >= p.Length || p[i + 1] != '?')
                    {
                        names.Add(null);
                    }
                    else if (i + 3 < p.Length && p[i + 2] == '<' && p[i + 3] is not '=' and not '!')
                    {
                        var j = i + 3;
                        names.Add(TryReadGroupName(p, ref j, out var name) ? name : null);
                    }
                    break;
            }
        }
        return names;
    }
}
