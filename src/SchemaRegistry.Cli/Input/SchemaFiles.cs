using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Input;

/// <summary>
/// Schema files checked offline against their dialect's meta-schema, as the server checks a payload (VAL-1102): a
/// file that is not a schema is refused with every finding, each at its JSON pointer in the file.
/// </summary>
internal static partial class SchemaFiles
{
    /// <summary>The payload of a schema document (with "fqid" and "payload") and its pointer in the file, or a bare schema.</summary>
    public static (JsonElement Payload, string Prefix) Payload(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var payload) && root.TryGetProperty("fqid", out _) ? (payload, "/payload") : (root, "");

    /// <summary>The meta-schema findings, with paths <c>NAME#POINTER</c> (NAME: the file as given, or a registered FQID).</summary>
    public static IEnumerable<IssueItem> Findings(string name, JsonElement root)
    {
        var (payload, prefix) = Payload(root);
        // The meta-schema reports one mistake several times (an anyOf and each of its branches), most specific first;
        // its keyword locations run to 150 characters. A person needs each location once, in plain words.
        return SchemaRegistry.Formats.JsonSchema.JsonSchemaMetaCheck.Check(payload.GetRawText(), null)
            .GroupBy(i => i.Path, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(i => new IssueItem(i.Code, $"{name}#{prefix}{i.Path}", MetaKeyword().Replace(i.Message, "")));
    }

    /// <summary>The refusal for <paramref name="findings"/>; <paramref name="consequence"/> says what was not done.</summary>
    public static ProblemResponse Invalid(IReadOnlyList<IssueItem> findings, string consequence)
    {
        var files = findings.Select(f => f.Path[..f.Path.IndexOf('#', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).ToList();
        var subject = files.Count == 1 ? $"{files[0]} is not a valid JSON Schema" : $"{string.Join(" and ", files)} are not valid JSON Schemas";
        var count = findings.Count == 1 ? "1 finding" : $"{findings.Count} findings";
        return new ProblemResponse(null, "Not a valid schema", 0, $"{subject} ({count}); {consequence}.", ErrorCode.PayloadInvalid, null, findings);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" \(meta-schema keyword [^)]*\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MetaKeyword();
}
