using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Keywords;

namespace SchemaRegistry.JsonSchema.Compiler;

internal sealed partial class SchemaCompiler
{
    private ObjectKeywords? ObjectKeywordsFor(SchemaLocation location)
    {
        var schema = location.Element;
        var dialect = location.Dialect;
        var applicator = dialect.Has(Vocabularies.Applicator);
        var validation = dialect.Has(Vocabularies.Validation);
        var names = new List<string>();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Slot(string name)
        {
            if (!slotOf.TryGetValue(name, out var slot))
            {
                slot = names.Count;
                names.Add(name);
                slotOf[name] = slot;
            }
            return slot;
        }

        var properties = new Dictionary<int, SchemaNode>();
        if (applicator && schema.TryGetProperty("properties", out var declared))
        {
            if (declared.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(location, "properties", "must be an object of schemas");
            }
            foreach (var property in declared.EnumerateObject())
            {
                properties[Slot(property.Name)] = Child(location, "properties", property.Name);
            }
        }
        var patterns = new List<(string, System.Text.RegularExpressions.Regex, Patterns.Utf8PatternMatcher?, SchemaNode)>();
        if (applicator && schema.TryGetProperty("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in patternProperties.EnumerateObject())
            {
                patterns.Add((property.Name, CompileRegex(location, "patternProperties", property.Name), Patterns.Utf8PatternMatcher.TryCreate(property.Name), Child(location, "patternProperties", property.Name)));
            }
            if (patterns.Count > 64)
            {
                throw Invalid(location, "patternProperties", "may have at most 64 patterns");
            }
        }
        var required = new List<int>();
        if (validation && schema.TryGetProperty("required", out var requiredNames))
        {
            if (requiredNames.ValueKind != JsonValueKind.Array || requiredNames.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
            {
                throw Invalid(location, "required", "must be an array of property names");
            }
            required.AddRange(requiredNames.EnumerateArray().Select(n => Slot(n.GetString()!)).Distinct());
        }
        var dependentRequired = new List<(int, int[], string)>();
        foreach (var dependentName in dialect.IsModern ? new[] { "dependentRequired", "dependencies" } : ["dependencies"])
        {
            var enabled = dependentName == "dependentRequired" ? validation : applicator;
            if (!enabled || !schema.TryGetProperty(dependentName, out var dependencies) || dependencies.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            foreach (var dependency in dependencies.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.Array))
            {
                dependentRequired.Add((Slot(dependency.Name), dependency.Value.EnumerateArray().Select(n => Slot(n.GetString() ?? "")).ToArray(), dependentName));
            }
        }
        var additional = applicator && schema.TryGetProperty("additionalProperties", out _) ? Child(location, "additionalProperties") : null;
        var unevaluated = dialect.Has(Vocabularies.Unevaluated) && schema.TryGetProperty("unevaluatedProperties", out _) ? Child(location, "unevaluatedProperties") : null;
        var propertyNames = applicator && dialect.Draft >= Dialect.Draft6 && schema.TryGetProperty("propertyNames", out _) ? Child(location, "propertyNames") : null;
        long? minProperties = validation && schema.TryGetProperty("minProperties", out var min) ? Count(location, "minProperties", min) : null;
        long? maxProperties = validation && schema.TryGetProperty("maxProperties", out var max) ? Count(location, "maxProperties", max) : null;

        if (names.Count == 0 && patterns.Count == 0 && additional is null && unevaluated is null && propertyNames is null &&
            minProperties is null && maxProperties is null)
        {
            return null;
        }
        return new ObjectKeywords(At(location, "properties"))
        {
            Names = new Utf8NameTable(names),
            SlotNames = [.. names],
            Properties = Enumerable.Range(0, names.Count).Select(i => properties.GetValueOrDefault(i)).ToArray(),
            Patterns = [.. patterns],
            Additional = additional,
            Unevaluated = unevaluated,
            PropertyNames = propertyNames,
            Required = [.. required],
            DependentRequired = [.. dependentRequired],
            MinProperties = minProperties,
            MaxProperties = maxProperties,
            NodeLocation = location.AbsoluteLocation,
        };
    }

    private ArrayKeywords? ArrayKeywordsFor(SchemaLocation location)
    {
        var schema = location.Element;
        var dialect = location.Dialect;
        var applicator = dialect.Has(Vocabularies.Applicator);
        var validation = dialect.Has(Vocabularies.Validation);
        SchemaNode[] prefix = [];
        var prefixKeyword = "prefixItems";
        SchemaNode? rest = null;
        var restKeyword = "items";
        if (applicator)
        {
            var hasItems = schema.TryGetProperty("items", out var items);
            if (dialect.Draft == Dialect.Draft202012)
            {
                if (schema.TryGetProperty("prefixItems", out _))
                {
                    prefix = Branches(location, "prefixItems");
                }
                rest = hasItems ? Child(location, "items") : null;
            }
            else if (hasItems && items.ValueKind == JsonValueKind.Array)
            {
                prefix = Enumerable.Range(0, items.GetArrayLength()).Select(i => Child(location, "items", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
                prefixKeyword = "items";
                if (schema.TryGetProperty("additionalItems", out _))
                {
                    (rest, restKeyword) = (Child(location, "additionalItems"), "additionalItems");
                }
            }
            else if (hasItems)
            {
                rest = Child(location, "items");
            }
        }
        var contains = applicator && dialect.Draft >= Dialect.Draft6 && schema.TryGetProperty("contains", out _) ? Child(location, "contains") : null;
        var modernValidation = validation && dialect.IsModern;
        long minContains = modernValidation && schema.TryGetProperty("minContains", out var minC) ? Count(location, "minContains", minC) : 1;
        long? maxContains = modernValidation && schema.TryGetProperty("maxContains", out var maxC) ? Count(location, "maxContains", maxC) : null;
        var unevaluated = dialect.Has(Vocabularies.Unevaluated) && schema.TryGetProperty("unevaluatedItems", out _) ? Child(location, "unevaluatedItems") : null;
        long? minItems = validation && schema.TryGetProperty("minItems", out var min) ? Count(location, "minItems", min) : null;
        long? maxItems = validation && schema.TryGetProperty("maxItems", out var max) ? Count(location, "maxItems", max) : null;
        if (prefix.Length == 0 && rest is null && contains is null && unevaluated is null && minItems is null && maxItems is null)
        {
            return null;
        }
        return new ArrayKeywords(At(location, "items"))
        {
            Prefix = prefix,
            PrefixKeyword = prefixKeyword,
            Rest = rest,
            RestKeyword = restKeyword,
            Contains = contains,
            MinContains = minContains,
            MaxContains = maxContains,
            Unevaluated = unevaluated,
            MinItems = minItems,
            MaxItems = maxItems,
            NodeLocation = location.AbsoluteLocation,
        };
    }
}
