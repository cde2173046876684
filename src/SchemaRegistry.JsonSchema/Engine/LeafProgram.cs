using System.Text.Json;
using SchemaRegistry.JsonSchema.Keywords;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// The fast path of a leaf schema: type, length and numeric bounds checked in one method instead of one virtual
/// call each; other keywords still run as themselves. Only the boolean path uses it; errors come from the keywords.
/// </summary>
internal sealed class LeafProgram
{
    private readonly JsonTypes _types;
    private readonly long _minLength = -1;
    private readonly long _maxLength = -1;
    private readonly NumberBoundKeyword[] _bounds;
    private readonly Keyword[] _others;
    private readonly Patterns.Utf8PatternMatcher? _pattern;
    private readonly Utf8NameTable? _enum;
    private readonly Formats.FormatChecker? _format;
    private readonly Keyword[] _othersForPlainStrings;

    private LeafProgram(IReadOnlyList<Keyword> keywords)
    {
        var bounds = new List<NumberBoundKeyword>();
        var others = new List<Keyword>();
        foreach (var keyword in keywords)
        {
            switch (keyword)
            {
                case TypeKeyword type when _types == JsonTypes.None:
                    _types = type.Allowed;
                    break;
                case LengthKeyword { IsMaximum: true } max when _maxLength < 0:
                    _maxLength = max.Limit;
                    break;
                case LengthKeyword { IsMaximum: false } min when _minLength < 0:
                    _minLength = min.Limit;
                    break;
                case NumberBoundKeyword bound:
                    bounds.Add(bound);
                    break;
                case PatternKeyword { Matcher: { } matcher } when _pattern is null:
                    // Checked here for unescaped strings; escaped ones still go through the keyword.
                    _pattern = matcher;
                    others.Add(keyword);
                    break;
                case EnumKeyword { StringsOnly: { } strings } when _enum is null:
                    _enum = strings;
                    others.Add(keyword);
                    break;
                case FormatKeyword format when _format is null:
                    _format = format.Checker;
                    others.Add(keyword);
                    break;
                default:
                    others.Add(keyword);
                    break;
            }
        }
        _bounds = [.. bounds];
        _others = [.. others];
        _othersForPlainStrings = others.Where(k =>
            !(_pattern is not null && k is PatternKeyword) && !(_enum is not null && k is EnumKeyword) && !(_format is not null && k is FormatKeyword)).ToArray();
    }

    public static LeafProgram Create(IReadOnlyList<Keyword> keywords) => new(keywords);

    public bool Evaluate(ref Utf8JsonReader reader, EvalContext context)
    {
        if (_types != JsonTypes.None && !TypeKeyword.Matches(ref reader, _types))
        {
            return false;
        }
        var token = reader.TokenType;
        if (token == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            return PlainStringHolds(ref reader, context);
        }
        if (InstanceText.IsString(token) && (_minLength >= 0 || _maxLength >= 0) && !LengthHolds(ref reader))
        {
            return false;
        }
        if (token == JsonTokenType.Number)
        {
            foreach (var bound in _bounds)
            {
                if (!bound.Holds(ref reader))
                {
                    return false;
                }
            }
        }
        foreach (var keyword in _others)
        {
            if (!keyword.Evaluate(ref reader, context, null))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An unescaped string: its bytes are the text, so pattern and enum need no other keyword.</summary>
    private bool PlainStringHolds(ref Utf8JsonReader reader, EvalContext context)
    {
        if ((_minLength >= 0 || _maxLength >= 0) && !LengthHolds(ref reader))
        {
            return false;
        }
        var bytes = reader.ValueSpan;
        if (_pattern is not null && !_pattern.IsMatch(bytes))
        {
            return false;
        }
        if (_enum is not null && _enum.Find(bytes) < 0)
        {
            return false;
        }
        if (_format is not null && !FormatHolds(bytes))
        {
            return false;
        }
        foreach (var keyword in _othersForPlainStrings)
        {
            if (!keyword.Evaluate(ref reader, context, null))
            {
                return false;
            }
        }
        return true;
    }

    private bool FormatHolds(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= InstanceText.StackLimit && System.Text.Ascii.IsValid(bytes))
        {
            Span<char> chars = stackalloc char[InstanceText.StackLimit];
            System.Text.Ascii.ToUtf16(bytes, chars, out var written);
            return _format!(chars[..written]);
        }
        return _format!(System.Text.Encoding.UTF8.GetString(bytes));
    }

    private bool LengthHolds(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan.Length;
        // Code points lie between a quarter of the UTF-8 bytes and all of them.
        var surelyShortEnough = _maxLength < 0 || bytes <= _maxLength;
        var surelyLongEnough = _minLength < 0 || (!reader.ValueIsEscaped && bytes / 4 >= _minLength);
        if (surelyShortEnough && surelyLongEnough)
        {
            return true;
        }
        var length = InstanceText.CodePointLength(ref reader);
        return (_maxLength < 0 || length <= _maxLength) && (_minLength < 0 || length >= _minLength);
    }
}
