using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary><c>enum</c> and <c>const</c>: scalars compare straight from the reader; structures are materialised.</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly JsonElement[] _values;
    private readonly byte[]?[] _utf8;
    private readonly string _listing;
    private readonly Utf8NameTable? _strings;

    public EnumKeyword(string name, string absoluteLocation, JsonElement[] values) : base(name, absoluteLocation)
    {
        _values = values;
        _utf8 = values.Select(v => v.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(v.GetString()!) : null).ToArray();
        var strings = values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Distinct().ToList();
        _strings = strings.Count > 4 ? new Utf8NameTable(strings) : null;
        var listing = string.Join(", ", values.Select(v => v.GetRawText()));
        _listing = listing.Length > 200 ? listing[..200] + "…" : listing;
    }

    /// <summary>True when every allowed value is a string and a name table holds them.</summary>
    public Utf8NameTable? StringsOnly => _values.All(v => v.ValueKind == JsonValueKind.String) ? _strings : null;

    public override bool ReadsCurrentTokenOnly => true;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (Matches(ref reader))
        {
            return true;
        }
        return Name == "const" ? Fail(context, $"The value must be {_listing}.") : Fail(context, $"The value must be one of {_listing}.");
    }

    private bool Matches(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.PropertyName when _strings is not null && !reader.ValueIsEscaped:
                return _strings.Find(reader.ValueSpan) >= 0;
            case JsonTokenType.String or JsonTokenType.PropertyName:
                foreach (var expected in _utf8)
                {
                    if (expected is not null && reader.ValueTextEquals(expected))
                    {
                        return true;
                    }
                }
                return false;
            case JsonTokenType.Number:
                var number = JsonNumber.Read(ref reader);
                foreach (var expected in _values)
                {
                    if (expected.ValueKind == JsonValueKind.Number && JsonNumber.From(expected).CompareTo(number) == 0)
                    {
                        return true;
                    }
                }
                return false;
            case JsonTokenType.True:
                return _values.Any(v => v.ValueKind == JsonValueKind.True);
            case JsonTokenType.False:
                return _values.Any(v => v.ValueKind == JsonValueKind.False);
            case JsonTokenType.Null:
                return _values.Any(v => v.ValueKind == JsonValueKind.Null);
            default:
                var copy = reader;
                using (var document = JsonDocument.ParseValue(ref copy))
                {
                    foreach (var expected in _values)
                    {
                        if (JsonEquality.Equal(document.RootElement, expected))
                        {
                            return true;
                        }
                    }
                }
                return false;
        }
    }
}
