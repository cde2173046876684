using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Confluent.Wire;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// The identity a global schema id stands for: the format, the schema's normalised text and its references (name,
/// subject, version; in name order). Two registrations with the same three get the same id, whatever the subject.
/// </summary>
internal static class SchemaFingerprint
{
    public static string Of(string format, string normalised, IReadOnlyList<SchemaReference> references)
    {
        var text = $"{format}\n{normalised}\n{ReferencesJson(references)}";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string ReferencesJson(IReadOnlyList<SchemaReference> references) =>
        JsonSerializer.Serialize(references.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(), Http.ConfluentJson.Options);

    public static IReadOnlyList<SchemaReference> ParseReferences(string json) =>
        JsonSerializer.Deserialize<List<SchemaReference>>(json, Http.ConfluentJson.Options) ?? [];
}
