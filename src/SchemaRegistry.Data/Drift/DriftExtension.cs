using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Data.Drift;

/// <summary>One drifted field and what <see cref="DriftExtension.Extend"/> did for it.</summary>
/// <param name="Path">The drift path (<c>customer.address.zip</c>).</param>
/// <param name="Kind">What drifted.</param>
/// <param name="Type">The JSON Schema type the candidate gives it, when it gives one.</param>
/// <param name="Placed">False when the schema could not be extended for it (the note says why).</param>
/// <param name="Note">What was done, in words.</param>
public sealed record ExtendedField(string Path, DriftKind Kind, string? Type, bool Placed, string Note)
{
    /// <summary>What the declared schema said of the field: its type (<c>integer</c>), <c>required</c>, or null when it did not declare it.</summary>
    public string? Declared { get; init; }
}

/// <summary>A declared JSON Schema extended to accept a drift case's fields, and what was done per field.</summary>
public sealed record DriftExtensionResult(string Payload, IReadOnlyList<ExtendedField> Fields);

/// <summary>
/// The candidate next version for a drift case (the seeds' Example B): the declared schema, with each new field added
/// as an optional property of the type the data showed, each retyped field widened to the types seen, and each missing
/// field made optional. Only plain <c>properties</c>/<c>items</c> nesting is followed; a field under a <c>$ref</c> or a
/// combinator is reported as not placed, for a person to add.
/// </summary>
public static class DriftExtension
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Keywords that put a field's declaration elsewhere: the candidate does not guess where.</summary>
    private static readonly string[] Indirect = ["$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "if"];

    public static DriftExtensionResult Extend(string payload, IEnumerable<DriftCaseField> fields)
    {
        var root = JsonNode.Parse(payload) as JsonObject
            ?? throw new ArgumentException("The declared schema is not a JSON object.", nameof(payload));
        var done = new List<ExtendedField>();
        foreach (var field in fields.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            done.Add(field.Kind switch
            {
                DriftKind.NewField => AddProperty(root, field),
                DriftKind.TypeChange => Widen(root, field),
                DriftKind.MissingField => MakeOptional(root, field),
                _ => new ExtendedField(field.Path, field.Kind, null, false, "not a change of shape: nothing to add to the schema."),
            });
        }
        return new DriftExtensionResult(root.ToJsonString(Indented), done);
    }

    private static ExtendedField AddProperty(JsonObject root, DriftCaseField field)
    {
        if (!TryParent(root, field.Path, out var parent, out var name, out var refusal))
        {
            return new ExtendedField(field.Path, field.Kind, null, false, refusal);
        }
        if (parent["properties"] is not JsonObject properties)
        {
            if (parent["properties"] is not null)
            {
                return new ExtendedField(field.Path, field.Kind, null, false, "its parent's properties is not an object.");
            }
            properties = [];
            parent["properties"] = properties;
        }
        if (properties.ContainsKey(name))
        {
            return new ExtendedField(field.Path, field.Kind, null, false, "already declared by the schema.");
        }
        var types = TypeNames(field.InferredType);
        properties[name] = types.Count == 0 ? new JsonObject() : new JsonObject { ["type"] = TypeNode(types) };
        var type = types.Count == 0 ? null : string.Join('|', types);
        return new ExtendedField(field.Path, field.Kind, type, true, $"added as an optional {(type ?? "value of any type")}.");
    }

    private static ExtendedField Widen(JsonObject root, DriftCaseField field)
    {
        if (!TryParent(root, field.Path, out var parent, out var name, out var refusal))
        {
            return new ExtendedField(field.Path, field.Kind, null, false, refusal);
        }
        var property = name == DriftPath.ArrayMarker ? parent["items"] as JsonObject : parent["properties"]?[name] as JsonObject;
        var declared = property?["type"] switch
        {
            JsonValue one when one.TryGetValue<string>(out var text) => [text],
            JsonArray many => many.Select(t => t?.GetValue<string>()).OfType<string>().ToList(),
            _ => null,
        };
        if (property is null || declared is null)
        {
            return new ExtendedField(field.Path, field.Kind, null, false, "its declaration has no plain type to widen.");
        }
        var widened = declared.Concat(TypeNames(field.InferredType).Where(t => !declared.Contains(t) && !(t == "integer" && declared.Contains("number")))).ToList();
        property["type"] = TypeNode(widened);
        var type = string.Join('|', widened);
        return new ExtendedField(field.Path, field.Kind, type, true, $"type widened from {string.Join('|', declared)} to {type}.") { Declared = string.Join('|', declared) };
    }

    private static ExtendedField MakeOptional(JsonObject root, DriftCaseField field)
    {
        if (!TryParent(root, field.Path, out var parent, out var name, out var refusal))
        {
            return new ExtendedField(field.Path, field.Kind, null, false, refusal);
        }
        if (parent["required"] is not JsonArray required || required.FirstOrDefault(r => r?.GetValue<string>() == name) is not { } entry)
        {
            return new ExtendedField(field.Path, field.Kind, null, false, "not listed in its object's required.");
        }
        required.Remove(entry);
        return new ExtendedField(field.Path, field.Kind, null, true, "no longer required.") { Declared = "required" };
    }

    /// <summary>The object schema that declares the path's last segment, following <c>properties</c> and <c>items</c>.</summary>
    private static bool TryParent(JsonObject root, string path, out JsonObject parent, out string name, out string refusal)
    {
        var segments = DriftPath.Split(path).ToList();
        parent = root;
        name = segments.Count == 0 ? "" : segments[^1];
        refusal = "";
        var walked = new List<string>();
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            var next = segment == DriftPath.ArrayMarker ? parent["items"] as JsonObject : parent["properties"]?[segment] as JsonObject;
            walked.Add(segment);
            if (next is null || Indirect.Any(next.ContainsKey))
            {
                refusal = $"the schema declares no plain object at '{DriftPath.Join(walked)}' (a $ref, a combinator or nothing): add it by hand.";
                return false;
            }
            parent = next;
        }
        if (name.Length == 0)
        {
            refusal = "the path is empty.";
            return false;
        }
        return true;
    }

    private static List<string> TypeNames(string? inferred) =>
        (inferred ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static JsonNode TypeNode(IReadOnlyList<string> types) =>
        types.Count == 1 ? JsonValue.Create(types[0]) : new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
}
