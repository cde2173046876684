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
                default:
                    others.Add(keyword);
                    break;
            }
        }
        _bounds = [.. bounds];
        _others = [.. others];
    }

    public static LeafProgram Create(IReadOnlyList<Keyword> keywords) => new(keywords);

    public bool Evaluate(ref Utf8JsonReader reader, EvalContext context)
    {
        if (_types != JsonTypes.None && !TypeKeyword.Matches(ref reader, _types))
        {
            return false;
        }
        var token = reader.TokenType;
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
