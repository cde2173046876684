using System.Globalization;
using System.Text.Json;

using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>
/// Every schema resource, anchor and subschema location of the documents a compilation touches, and resolution of
/// references against them. External documents come from the embedded meta-schemas or the options' resolver, never
/// from a network.
/// </summary>
internal sealed class SchemaIndex(JsonSchemaOptions options)
{
    private static readonly string[] SingleSchemaKeywords =
        ["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "contains", "propertyNames",
         "not", "if", "then", "else", "contentSchema"];

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private readonly Dictionary<string, ResourceInfo> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<(SchemaDocument, string), SchemaLocation> _locations = [];
    private int _documentBytes;

    public IEnumerable<ResourceInfo> Resources => _resources.Values.Distinct();

    /// <summary>Indexes a document and returns the location of its root.</summary>
    public SchemaLocation AddDocument(JsonElement root, Uri retrievalUri, DialectInfo? inherited)
    {
        _documentBytes += root.GetRawText().Length;
        if (_documentBytes > options.MaxSchemaBytes * 4L)
        {
            throw new SchemaCompileException("The schema and the documents it references are larger than the configured limit.");
        }
        var document = new SchemaDocument(root, retrievalUri);
        var dialect = DialectOf(root, inherited);
        var retrievalKey = UriUtil.WithoutFragment(retrievalUri);
        var resource = Register(retrievalKey);
        Walk(root, document, "", resource, "", dialect);
        var location = _locations[(document, "")];
        if (resource.Root is null)
        {
            // The document declares its own $id: its retrieval URI names the same resource.
            _resources[retrievalKey] = location.Resource;
        }
        return location;
    }

    /// <summary>The location a reference names, loading the document it lives in when needed.</summary>
    public SchemaLocation Resolve(string reference, SchemaLocation from)
    {
        var target = UriUtil.Resolve(from.BaseUri, reference);
        var resourceKey = UriUtil.WithoutFragment(target);
        var fragment = UriUtil.Fragment(target);
        if (fragment.Length > 0 && !fragment.StartsWith('/') && _anchors.TryGetValue(resourceKey + "#" + fragment, out var anchored))
        {
            return anchored;
        }
        if (!_resources.TryGetValue(resourceKey, out var resource))
        {
            Load(resourceKey, from.Dialect);
            resource = _resources.GetValueOrDefault(resourceKey)
                ?? throw Unresolved(reference, from);
        }
        if (fragment.Length == 0)
        {
            return resource.Root ?? throw Unresolved(reference, from);
        }
        if (fragment.StartsWith('/'))
        {
            return Navigate(resource.Root ?? throw Unresolved(reference, from), fragment, reference, from);
        }
        return _anchors.TryGetValue(resourceKey + "#" + fragment, out var anchor) ? anchor : throw Unresolved(reference, from);
    }

    /// <summary>The dialect of a document or embedded resource: its $schema, else what it inherits, else the option.</summary>
    public DialectInfo DialectOf(JsonElement schema, DialectInfo? inherited)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$schema", out var declared) || declared.ValueKind != JsonValueKind.String)
        {
            return inherited ?? DialectInfo.Standard(options.DefaultDialect);
        }
        var uri = declared.GetString()!;
        if (DialectInfo.Known(uri) is { } draft)
        {
            return DialectInfo.Standard(draft);
        }
        var meta = LoadMetaSchema(uri);
        var metaDialect = DialectOf(meta, inherited);
        if (meta.TryGetProperty("$vocabulary", out var vocabulary) && vocabulary.ValueKind == JsonValueKind.Object)
        {
            var vocabularies = DialectInfo.FromVocabulary(vocabulary.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.True)));
            return new DialectInfo(metaDialect.Draft, vocabularies | Vocabularies.Core);
        }
        return metaDialect;
    }

    private JsonElement LoadMetaSchema(string uri)
    {
        if (MetaSchemaStore.TryGet(uri, out var embedded))
        {
            return embedded;
        }
        var resolved = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? options.Resolver?.Resolve(new Uri(UriUtil.WithoutFragment(absolute))) : null;
        return resolved ?? throw new SchemaCompileException($"The meta-schema {uri} named by $schema is not known.", "/$schema", unresolvedReference: true);
    }

    private void Load(string resourceKey, DialectInfo inherited)
    {
        var uri = new Uri(resourceKey);
        JsonElement? document = MetaSchemaStore.TryGet(resourceKey, out var embedded) ? embedded : options.Resolver?.Resolve(uri);
        if (document is { } root)
        {
            AddDocument(root, uri, inherited);
        }
    }

    /// <summary>An indexed subschema of <paramref name="parent"/> by its escaped segments, without URI parsing.</summary>
    public SchemaLocation? Known(SchemaLocation parent, string relativePointer) =>
        _locations.GetValueOrDefault((parent.Document, parent.DocumentPointer + relativePointer));

    private SchemaLocation Navigate(SchemaLocation root, string pointer, string reference, SchemaLocation from)
    {
        // Walking the pointer looks each member up by name, which is a linear scan of its object: a reference into
        // a map of 60,000 definitions must not cost 60,000 comparisons. Indexed subschemas are found directly.
        if (_locations.TryGetValue((root.Document, root.DocumentPointer + pointer), out var indexed))
        {
            return indexed;
        }
        var element = root.Element;
        var documentPointer = root.DocumentPointer;
        var nearest = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = JsonPointer.Unescape(raw);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                throw Unresolved(reference, from);
            }
            documentPointer += "/" + JsonPointer.Escape(segment);
            if (_locations.TryGetValue((root.Document, documentPointer), out var known))
            {
                nearest = known;
            }
        }
        if (_locations.TryGetValue((root.Document, documentPointer), out var exact))
        {
            return exact;
        }
        // A location that is not a known subschema (inside an unknown keyword, say): it takes the nearest base.
        var relative = documentPointer[nearest.DocumentPointer.Length..];
        var location = new SchemaLocation(element, root.Document, documentPointer, nearest.Resource, nearest.ResourcePointer + relative, nearest.Dialect);
        _locations[(root.Document, documentPointer)] = location;
        return location;
    }

    private void Walk(JsonElement element, SchemaDocument document, string pointer, ResourceInfo resource, string resourcePointer, DialectInfo dialect)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var hasRef = element.TryGetProperty("$ref", out _);
            if (element.TryGetProperty(dialect.IdKeyword, out var id) && id.ValueKind == JsonValueKind.String && (dialect.IsModern || !hasRef))
            {
                var idText = id.GetString()!;
                // A draft ≤7 "#name" id is a plain-name anchor (RegisterAnchors), not a new resource.
                if (idText.Length > 0 && !(!dialect.IsModern && idText.StartsWith('#')))
                {
                    var resolved = UriUtil.Resolve(resource.Uri, idText);
                    var embedded = Register(UriUtil.WithoutFragment(resolved));
                    if (pointer.Length > 0)
                    {
                        dialect = DialectOf(element, dialect);
                    }
                    resource = embedded;
                    resourcePointer = "";
                }
            }
            var location = new SchemaLocation(element, document, pointer, resource, resourcePointer, dialect);
            _locations[(document, pointer)] = location;
            if (resourcePointer.Length == 0)
            {
                resource.Root ??= location;
            }
            RegisterAnchors(element, location, dialect, hasRef);
            foreach (var (child, segment) in Subschemas(element, dialect))
            {
                Walk(child, document, pointer + "/" + segment, resource, resourcePointer + "/" + segment, dialect);
            }
        }
        else
        {
            var location = new SchemaLocation(element, document, pointer, resource, resourcePointer, dialect);
            _locations[(document, pointer)] = location;
            if (resourcePointer.Length == 0)
            {
                resource.Root ??= location;
            }
        }
    }

    private void RegisterAnchors(JsonElement element, SchemaLocation location, DialectInfo dialect, bool hasRef)
    {
        var resourceKey = UriUtil.WithoutFragment(location.Resource.Uri);
        if (!dialect.IsModern)
        {
            if (!hasRef && element.TryGetProperty(dialect.IdKeyword, out var id) && id.ValueKind == JsonValueKind.String)
            {
                var fragment = UriUtil.Fragment(UriUtil.Resolve(location.Resource.Uri, id.GetString()!));
                if (fragment.Length > 0 && !fragment.StartsWith('/'))
                {
                    _anchors[resourceKey + "#" + fragment] = location;
                }
            }
            return;
        }
        if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _anchors[resourceKey + "#" + anchor.GetString()] = location;
        }
        if (dialect.Draft == Dialect.Draft202012 && element.TryGetProperty("$dynamicAnchor", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
        {
            _anchors[resourceKey + "#" + dynamic.GetString()] = location;
            location.Resource.DynamicAnchors[dynamic.GetString()!] = location;
        }
        if (dialect.Draft == Dialect.Draft201909 && location.ResourcePointer.Length == 0 &&
            element.TryGetProperty("$recursiveAnchor", out var recursive) && recursive.ValueKind == JsonValueKind.True)
        {
            location.Resource.Scope.RecursiveAnchor = true;
        }
    }

    private static IEnumerable<(JsonElement Child, string Segment)> Subschemas(JsonElement schema, DialectInfo dialect)
    {
        foreach (var property in schema.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (Array.IndexOf(SingleSchemaKeywords, name) >= 0 || (name == "items" && value.ValueKind != JsonValueKind.Array))
            {
                yield return (value, JsonPointer.Escape(name));
            }
            else if (Array.IndexOf(SchemaMapKeywords, name) >= 0 && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    if (name != "dependencies" || entry.Value.ValueKind != JsonValueKind.Array)
                    {
                        yield return (entry.Value, JsonPointer.Escape(name) + "/" + JsonPointer.Escape(entry.Name));
                    }
                }
            }
            else if ((Array.IndexOf(SchemaArrayKeywords, name) >= 0 || name == "items") && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    yield return (item, $"{name}/{i++}");
                }
            }
        }
        _ = dialect;
    }

    private ResourceInfo Register(string uri)
    {
        if (!_resources.TryGetValue(uri, out var resource))
        {
            resource = new ResourceInfo(new Uri(uri));
            _resources[uri] = resource;
        }
        return resource;
    }


    private static SchemaCompileException Unresolved(string reference, SchemaLocation from) =>
        new($"The reference '{reference}' from {from.AbsoluteLocation} does not resolve to a schema.", from.AbsoluteLocation, unresolvedReference: true);
}
