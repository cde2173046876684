using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Checks;

/// <summary>Turns a <see cref="DraftInput"/> into a <see cref="SchemaDefinition"/>, or lists every VAL-1101 finding.</summary>
public static class EnvelopeRules
{
    public const int MaxOwnerLength = 128;
    public const int MaxDescriptionLength = 4096;
    public const int MaxTags = 64;
    public const int MaxTagLength = 256;
    public static readonly CompatibilityMode DefaultCompatibility = CompatibilityMode.Backward;

    public static SchemaDefinition Build(DraftInput input, Layers layers)
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
        if (format != SchemaDefinition.JsonSchemaFormat)
        {
            Add(issues, "/format", $"format '{SubjectName.Printable(format)}' is not supported; use json-schema.");
        }

        var mode = DefaultCompatibility;
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

    private static void Add(List<Issue> issues, string path, string message) =>
        issues.Add(new Issue(ErrorCode.EnvelopeInvalid, path, message));
}
