using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Json;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Checks;

/// <summary>Turns a <see cref="DraftInput"/> into a <see cref="SchemaDefinition"/>, or lists every VAL-1101 finding.</summary>
public static class EnvelopeRules
{
    public const int MaxOwnerLength = 128;
    public const int MaxDescriptionLength = 4096;
    public const int MaxTags = 64;
    public const int MaxTagLength = 256;
    public static readonly CompatibilityMode DefaultCompatibility = CompatibilityMode.Backward;

    /// <param name="input">The document as it arrived.</param>
    /// <param name="layers">The configured layers.</param>
    /// <param name="defaultMode">The mode of a document that names none (the registry's global default).</param>
    /// <param name="formats">The formats the registry holds (the names of its <c>SchemaFormats</c>); json-schema alone when null.</param>
    public static SchemaDefinition Build(DraftInput input, Layers layers, CompatibilityMode? defaultMode = null, IReadOnlyCollection<string>? formats = null)
    {
        var issues = new List<Issue>();
        Fqid? fqid = null;
        if (string.IsNullOrEmpty(input.Fqid))
        {
            Add(issues, "/fqid", "fqid is required (e.g. finance.gdp.invoice:v1.2).");
        }
        else if (!Fqid.TryParse(input.Fqid, layers, out fqid, out var error))
        {
            Add(issues, "/fqid", error);
        }

        var owner = input.Owner?.Trim() ?? "";
        if (owner.Length == 0)
        {
            Add(issues, "/owner", "owner is required: the team accountable for this schema.");
        }
        else if (owner.Length > MaxOwnerLength || owner.Any(char.IsControl))
        {
            Add(issues, "/owner", $"owner must be at most {MaxOwnerLength} printable characters.");
        }

        var description = input.Description ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            Add(issues, "/description", $"description must be at most {MaxDescriptionLength} characters.");
        }

        var format = input.Format ?? SchemaDefinition.JsonSchemaFormat;
        formats ??= [SchemaDefinition.JsonSchemaFormat];
        if (!formats.Contains(format))
        {
            Add(issues, "/format", $"format '{SubjectName.Printable(format)}' is not supported; use {string.Join(" or ", formats.Order(StringComparer.Ordinal))}.");
        }

        var mode = defaultMode ?? DefaultCompatibility;
        if (input.Compatibility is not null && !WireNames.TryParse(input.Compatibility, out mode))
        {
            Add(issues, "/compatibility",
                $"compatibility '{SubjectName.Printable(input.Compatibility)}' is not one of {string.Join(", ", WireNames.AllModes)}.");
        }

        var tags = input.Tags ?? new Dictionary<string, string>();
        CheckTags(tags, issues);

        string payload = "";
        if (input.Payload is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            Add(issues, "/payload", "payload is required: the JSON Schema of one record.");
        }
        else
        {
            payload = element.GetRawText();
            CheckJsonText(element, issues);
            if (format != SchemaDefinition.JsonSchemaFormat && element.ValueKind is not (JsonValueKind.Object or JsonValueKind.String or JsonValueKind.Array))
            {
                Add(issues, "/payload", $"payload of a {SubjectName.Printable(format)} schema is its JSON document, or its text as one JSON string.");
            }
        }

        if (issues.Count > 0)
        {
            throw new RegistryException(RegistryError.FromIssues("Envelope invalid", issues));
        }
        return new SchemaDefinition(fqid!, owner, description, format, mode,
            new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal), payload);
    }

    private static void CheckTags(IReadOnlyDictionary<string, string> tags, List<Issue> issues)
    {
        if (tags.Count > MaxTags)
        {
            Add(issues, "/tags", $"at most {MaxTags} tags are allowed.");
            return;
        }
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > MaxTagLength || key.Any(char.IsControl) ||
                (value?.Length ?? 0) > MaxTagLength || (value?.Any(char.IsControl) ?? false))
            {
                Add(issues, $"/tags/{SubjectName.Printable(key)}",
                    $"tag names and values must be 1 to {MaxTagLength} printable characters.");
            }
        }
    }

    /// <summary>Content that would hash or read ambiguously: duplicate keys, lone UTF-16 surrogates.</summary>
    private static void CheckJsonText(JsonElement payload, List<Issue> issues)
    {
        try
        {
            CanonicalJson.Write(payload);
        }
        catch (JsonException)
        {
            issues.Add(new Issue(ErrorCode.PayloadInvalid, "/payload", "payload contains an invalid Unicode escape (a lone UTF-16 surrogate)."));
            return;
        }
        FindDuplicateKeys(payload, "/payload", issues);
    }

    private static void FindDuplicateKeys(JsonElement element, string path, List<Issue> issues)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = $"{path}/{JsonPointer.Escape(property.Name)}";
                if (!seen.Add(property.Name))
                {
                    issues.Add(new Issue(ErrorCode.PayloadInvalid, SubjectName.Printable(at), $"payload has the key '{SubjectName.Printable(property.Name)}' twice in one object."));
                }
                FindDuplicateKeys(property.Value, at, issues);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicateKeys(item, $"{path}/{i++}", issues);
            }
        }
    }

    private static void Add(List<Issue> issues, string path, string message) =>
        issues.Add(new Issue(ErrorCode.EnvelopeInvalid, path, message));
}
