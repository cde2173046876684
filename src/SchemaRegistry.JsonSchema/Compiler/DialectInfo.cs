namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>A draft plus the vocabularies its meta-schema enables.</summary>
internal sealed record DialectInfo(Dialect Draft, Vocabularies Vocabularies)
{
    public static readonly IReadOnlyDictionary<string, Dialect> KnownMetaSchemas = new Dictionary<string, Dialect>(StringComparer.Ordinal)
    {
        ["https://json-schema.org/draft/2020-12/schema"] = Dialect.Draft202012,
        ["https://json-schema.org/draft/2019-09/schema"] = Dialect.Draft201909,
        ["http://json-schema.org/draft-07/schema"] = Dialect.Draft7,
        ["http://json-schema.org/draft-06/schema"] = Dialect.Draft6,
        ["http://json-schema.org/draft-04/schema"] = Dialect.Draft4,
    };

    private static readonly Dictionary<string, Vocabularies> VocabularyUris = new(StringComparer.Ordinal)
    {
        ["https://json-schema.org/draft/2020-12/vocab/core"] = Vocabularies.Core,
        ["https://json-schema.org/draft/2020-12/vocab/applicator"] = Vocabularies.Applicator,
        ["https://json-schema.org/draft/2020-12/vocab/unevaluated"] = Vocabularies.Unevaluated,
        ["https://json-schema.org/draft/2020-12/vocab/validation"] = Vocabularies.Validation,
        ["https://json-schema.org/draft/2020-12/vocab/meta-data"] = Vocabularies.MetaData,
        ["https://json-schema.org/draft/2020-12/vocab/format-annotation"] = Vocabularies.FormatAnnotation,
        ["https://json-schema.org/draft/2020-12/vocab/format-assertion"] = Vocabularies.FormatAssertion,
        ["https://json-schema.org/draft/2020-12/vocab/content"] = Vocabularies.Content,
        ["https://json-schema.org/draft/2019-09/vocab/core"] = Vocabularies.Core,
        ["https://json-schema.org/draft/2019-09/vocab/applicator"] = Vocabularies.Applicator | Vocabularies.Unevaluated,
        ["https://json-schema.org/draft/2019-09/vocab/validation"] = Vocabularies.Validation,
        ["https://json-schema.org/draft/2019-09/vocab/meta-data"] = Vocabularies.MetaData,
        ["https://json-schema.org/draft/2019-09/vocab/format"] = Vocabularies.FormatAnnotation,
        ["https://json-schema.org/draft/2019-09/vocab/content"] = Vocabularies.Content,
    };

    public bool IsModern => Draft >= Dialect.Draft201909;

    public string IdKeyword => Draft == Dialect.Draft4 ? "id" : "$id";

    public bool Has(Vocabularies vocabulary) => (Vocabularies & vocabulary) != 0;

    /// <summary>
    /// A draft's standard vocabularies: draft-04 to draft-07 have no unevaluatedProperties/unevaluatedItems, so there
    /// they are unknown keywords, which are ignored.
    /// </summary>
    public static DialectInfo Standard(Dialect draft) =>
        new(draft, draft >= Dialect.Draft201909 ? Vocabularies.All : Vocabularies.All & ~Vocabularies.Unevaluated);

    /// <summary>The dialect a known <c>$schema</c> URI names, or null.</summary>
    public static Dialect? Known(string uri)
    {
        var trimmed = uri.EndsWith('#') ? uri[..^1] : uri;
        return KnownMetaSchemas.TryGetValue(trimmed, out var draft) ? draft : null;
    }

    /// <summary>Vocabularies from a custom meta-schema's <c>$vocabulary</c>; unknown required ones are an error.</summary>
    public static Vocabularies FromVocabulary(IEnumerable<(string Uri, bool Required)> entries)
    {
        var result = Vocabularies.None;
        foreach (var (uri, required) in entries)
        {
            if (VocabularyUris.TryGetValue(uri, out var vocabulary))
            {
                result |= vocabulary;
            }
            else if (required)
            {
                throw new SchemaCompileException($"The meta-schema requires the unknown vocabulary {uri}.", uri);
            }
        }
        return result;
    }
}
