using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Formats;
using SchemaRegistry.JsonSchema.Keywords;
using SchemaRegistry.JsonSchema.Patterns;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Compiler;

internal sealed partial class SchemaCompiler
{
    private static readonly Dictionary<string, JsonTypes> TypeNames = new(StringComparer.Ordinal)
    {
        ["null"] = JsonTypes.Null,
        ["boolean"] = JsonTypes.Boolean,
        ["object"] = JsonTypes.Object,
        ["array"] = JsonTypes.Array,
        ["number"] = JsonTypes.Number,
        ["integer"] = JsonTypes.Integer,
        ["string"] = JsonTypes.String,
    };

    private void AddValidation(SchemaLocation location, List<Keyword> keywords)
    {
        var schema = location.Element;
        var draft = location.Dialect.Draft;
        if (schema.TryGetProperty("type", out var type))
        {
            keywords.Add(TypeFor(location, type));
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(location, "enum", "must be an array");
            }
            keywords.Add(new EnumKeyword("enum", At(location, "enum"), values.EnumerateArray().Select(v => v.Clone()).ToArray()));
        }
        if (draft >= Dialect.Draft6 && schema.TryGetProperty("const", out var constant))
        {
            keywords.Add(new EnumKeyword("const", At(location, "const"), [constant.Clone()]));
        }
        if (schema.TryGetProperty("multipleOf", out var divisor))
        {
            var number = Number(location, "multipleOf", divisor);
            if (number.CompareTo(new JsonNumber(0, 0, true)) <= 0)
            {
                throw Invalid(location, "multipleOf", "must be greater than 0");
            }
            keywords.Add(new MultipleOfKeyword(At(location, "multipleOf"), number));
        }
        AddBounds(location, keywords, draft);
        AddLength(location, keywords, "minLength", isMaximum: false);
        AddLength(location, keywords, "maxLength", isMaximum: true);
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            if (pattern.ValueKind != JsonValueKind.String)
            {
                throw Invalid(location, "pattern", "must be a string");
            }
            var text = pattern.GetString()!;
            keywords.Add(new PatternKeyword(At(location, "pattern"), text, CompileRegex(location, "pattern", text), Utf8PatternMatcher.TryCreate(text)));
        }
        if (draft <= Dialect.Draft7)
        {
            var base64 = schema.TryGetProperty("contentEncoding", out var encoding) && encoding.ValueEquals("base64");
            var json = schema.TryGetProperty("contentMediaType", out var media) && media.ValueEquals("application/json");
            if (base64 || json)
            {
                keywords.Add(new ContentKeyword(At(location, "contentMediaType"), base64, json));
            }
        }
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            keywords.Add(new UniqueItemsKeyword(At(location, "uniqueItems")));
        }
    }

    private void AddBounds(SchemaLocation location, List<Keyword> keywords, Dialect draft)
    {
        var schema = location.Element;
        foreach (var (name, kind, exclusiveName, exclusiveKind) in new[]
        {
            ("minimum", BoundKind.Minimum, "exclusiveMinimum", BoundKind.ExclusiveMinimum),
            ("maximum", BoundKind.Maximum, "exclusiveMaximum", BoundKind.ExclusiveMaximum),
        })
        {
            var hasExclusive = schema.TryGetProperty(exclusiveName, out var exclusive);
            if (schema.TryGetProperty(name, out var limit))
            {
                // Draft-04: exclusiveMinimum/Maximum are booleans that make minimum/maximum exclusive.
                var exclusiveFlag = draft == Dialect.Draft4 && hasExclusive && exclusive.ValueKind == JsonValueKind.True;
                keywords.Add(new NumberBoundKeyword(name, At(location, name), exclusiveFlag ? exclusiveKind : kind, Number(location, name, limit)));
            }
            if (draft != Dialect.Draft4 && hasExclusive)
            {
                keywords.Add(new NumberBoundKeyword(exclusiveName, At(location, exclusiveName), exclusiveKind, Number(location, exclusiveName, exclusive)));
            }
        }
    }

    private static void AddLength(SchemaLocation location, List<Keyword> keywords, string name, bool isMaximum)
    {
        if (location.Element.TryGetProperty(name, out var value))
        {
            keywords.Add(new LengthKeyword(name, At(location, name), Count(location, name, value), isMaximum));
        }
    }

    private void AddFormat(SchemaLocation location, List<Keyword> keywords)
    {
        var dialect = location.Dialect;
        if (!location.Element.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            return;
        }
        var asserts = dialect.Has(Vocabularies.FormatAssertion) || (options.AssertFormat && dialect.Has(Vocabularies.FormatAnnotation));
        if (asserts && FormatCheckers.Get(format.GetString()!) is { } checker)
        {
            keywords.Add(new FormatKeyword(At(location, "format"), format.GetString()!, checker));
        }
    }

    private static TypeKeyword TypeFor(SchemaLocation location, JsonElement type)
    {
        var allowed = JsonTypes.None;
        var names = new List<string>();
        foreach (var item in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToArray() : [type])
        {
            if (item.ValueKind != JsonValueKind.String || !TypeNames.TryGetValue(item.GetString()!, out var flag))
            {
                throw Invalid(location, "type", $"has the unknown type {item.GetRawText()}");
            }
            allowed |= flag;
            names.Add(item.GetString()!);
        }
        var description = names.Count == 1 ? names[0] : string.Join(" or ", names);
        return new TypeKeyword(At(location, "type"), allowed, description);
    }

    private System.Text.RegularExpressions.Regex CompileRegex(SchemaLocation location, string keyword, string pattern)
    {
        try
        {
            return EcmaRegex.Compile(pattern, options.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw Invalid(location, keyword, $"is not a valid ECMA-262 regular expression ({e.Message})");
        }
    }

    private static JsonNumber Number(SchemaLocation location, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? JsonNumber.From(value) : throw Invalid(location, keyword, "must be a number");

    private static long Count(SchemaLocation location, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(location, keyword, "must be a non-negative integer");
        }
        var number = JsonNumber.From(value);
        if (!number.IsInteger || number.Double < 0)
        {
            throw Invalid(location, keyword, "must be a non-negative integer");
        }
        return number.Double >= long.MaxValue ? long.MaxValue : (long)number.Double;
    }
}
