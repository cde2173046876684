using System.Text.Json;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Builds our model of one schema text, resolving names by the specification's namespace rules against the types it
/// defines and those already defined by its references (<paramref name="known"/>). It never recurses deeper than the
/// JSON (whose depth the caller bounds) and throws <see cref="AvroUndefinedNameException"/> for a name it cannot
/// resolve, so the caller can parse a reference first and try again.
/// </summary>
internal sealed class AvroModelBuilder(IReadOnlyDictionary<string, AvroNamed> known)
{
    private static readonly HashSet<string> Reserved =
        ["type", "name", "namespace", "aliases", "doc", "fields", "symbols", "size", "items", "values", "default", "logicalType", "precision", "scale", "order"];

    private readonly Dictionary<string, AvroNamed> defined = new(StringComparer.Ordinal);

    /// <summary>The named types this text defines, by full name.</summary>
    public IReadOnlyDictionary<string, AvroNamed> Defined => defined;

    public AvroType Build(JsonElement schema, string? space, string location)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.String:
                return ByName(schema.GetString()!, space, location);
            case JsonValueKind.Array:
                return new AvroUnion(schema.EnumerateArray().Select((branch, i) => Build(branch, space, $"{location}[{i}]")).ToList());
            case JsonValueKind.Object:
                return BuildObject(schema, space, location);
            default:
                throw new AvroModelException($"A schema must be a type name, an object or a union array, not {schema.ValueKind} at '{location}'.");
        }
    }

    private AvroType BuildObject(JsonElement schema, string? space, string location)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            throw new AvroModelException($"A schema object has no 'type' at '{location}'.");
        }
        if (type.ValueKind != JsonValueKind.String)
        {
            return Build(type, space, location + ".type");
        }
        var kind = type.GetString()!;
        return kind switch
        {
            "record" or "error" => BuildRecord(schema, kind, space, location),
            "enum" => BuildEnum(schema, space, location),
            "fixed" => BuildFixed(schema, space, location),
            "array" => new AvroArray(Build(Member(schema, "items", location), space, location + ".items")) { Properties = PropertiesOf(schema) },
            "map" => new AvroMap(Build(Member(schema, "values", location), space, location + ".values")) { Properties = PropertiesOf(schema) },
            _ when AvroPrimitive.Names.Contains(kind) => Primitive(kind, schema),
            _ => ByName(kind, space, location + ".type"),
        };
    }

    private AvroRecord BuildRecord(JsonElement schema, string kind, string? space, string location)
    {
        var (fullName, ownSpace) = NameOf(schema, space, location);
        var record = new AvroRecord(kind, fullName, AliasesOf(schema, ownSpace), Text(schema, "doc")) { Properties = PropertiesOf(schema) };
        Define(record, location);
        var fields = Member(schema, "fields", location);
        if (fields.ValueKind != JsonValueKind.Array)
        {
            throw new AvroModelException($"A record's 'fields' must be an array at '{location}'.");
        }
        var i = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var at = $"{location}.fields[{i++}]";
            if (field.ValueKind != JsonValueKind.Object || Text(field, "name") is not { } name)
            {
                throw new AvroModelException($"A field must be an object with a 'name' at '{at}'.");
            }
            var fieldType = Build(Member(field, "type", at), ownSpace, at + ".type");
            JsonElement? defaultValue = field.TryGetProperty("default", out var d) ? d.Clone() : null;
            var aliases = field.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
            var order = Text(field, "order") is { } o && o != "ascending" ? o : null;
            record.Fields.Add(new AvroField(name, aliases, Text(field, "doc"), fieldType,
                defaultValue is { } v ? CanonicalJson.Write(v) : null, defaultValue, order, PropertiesOf(field)));
        }
        return record;
    }

    private AvroEnum BuildEnum(JsonElement schema, string? space, string location)
    {
        var (fullName, ownSpace) = NameOf(schema, space, location);
        var symbols = Member(schema, "symbols", location);
        if (symbols.ValueKind != JsonValueKind.Array || symbols.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            throw new AvroModelException($"An enum's 'symbols' must be an array of strings at '{location}'.");
        }
        var result = new AvroEnum(fullName, AliasesOf(schema, ownSpace), Text(schema, "doc"),
            symbols.EnumerateArray().Select(s => s.GetString()!).ToList(), Text(schema, "default")) { Properties = PropertiesOf(schema) };
        Define(result, location);
        return result;
    }

    private AvroFixed BuildFixed(JsonElement schema, string? space, string location)
    {
        var (fullName, ownSpace) = NameOf(schema, space, location);
        var size = Member(schema, "size", location);
        if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt32(out var bytes))
        {
            throw new AvroModelException($"A fixed type's 'size' must be an integer at '{location}'.");
        }
        var logical = Text(schema, "logicalType");
        var result = new AvroFixed(fullName, AliasesOf(schema, ownSpace), Text(schema, "doc"), bytes)
        {
            LogicalType = logical, Precision = Int(schema, "precision"), Scale = Scale(schema, logical), Properties = PropertiesOf(schema),
        };
        Define(result, location);
        return result;
    }

    private AvroType ByName(string written, string? space, string location)
    {
        if (AvroPrimitive.Names.Contains(written))
        {
            return new AvroPrimitive(written);
        }
        var candidates = written.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space)
            ? new[] { written }
            : [space + "." + written, written];
        foreach (var candidate in candidates)
        {
            if (defined.TryGetValue(candidate, out var own) || known.TryGetValue(candidate, out own))
            {
                return own;
            }
        }
        throw new AvroUndefinedNameException(written, candidates, location);
    }

    private void Define(AvroNamed named, string location)
    {
        if (!defined.TryAdd(named.FullName, named) || known.ContainsKey(named.FullName))
        {
            throw new AvroModelException($"The name '{named.FullName}' is defined twice at '{location}'.");
        }
    }

    private static (string FullName, string? Space) NameOf(JsonElement schema, string? space, string location)
    {
        var name = Text(schema, "name") ?? throw new AvroModelException($"A named type has no 'name' at '{location}'.");
        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0)
        {
            return (name, name[..lastDot]);
        }
        var own = schema.TryGetProperty("namespace", out var ns) && ns.ValueKind == JsonValueKind.String ? ns.GetString() : space;
        return (string.IsNullOrEmpty(own) ? name : own + "." + name, string.IsNullOrEmpty(own) ? null : own);
    }

    private static List<string> AliasesOf(JsonElement schema, string? space) =>
        schema.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array
            ? aliases.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)
                .Select(a => a.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space) ? a : space + "." + a).ToList()
            : [];

    private static AvroPrimitive Primitive(string kind, JsonElement schema)
    {
        var logical = Text(schema, "logicalType");
        return new AvroPrimitive(kind)
        {
            LogicalType = logical, Precision = Int(schema, "precision"), Scale = Scale(schema, logical), Properties = PropertiesOf(schema),
        };
    }

    private static int? Int(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static int? Scale(JsonElement schema, string? logical) => logical == "decimal" ? Int(schema, "scale") ?? 0 : Int(schema, "scale");

    private static SortedDictionary<string, string> PropertiesOf(JsonElement schema)
    {
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in schema.EnumerateObject().Where(m => !Reserved.Contains(m.Name)))
        {
            properties[member.Name] = CanonicalJson.Write(member.Value);
        }
        return properties;
    }

    private static JsonElement Member(JsonElement schema, string name, string location) =>
        schema.TryGetProperty(name, out var value) ? value : throw new AvroModelException($"'{name}' is missing at '{location}'.");

    private static string? Text(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
