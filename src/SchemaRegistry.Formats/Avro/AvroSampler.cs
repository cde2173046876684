using System.Globalization;
using System.Text;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Small data in Avro's JSON encoding (a union's value wrapped as <c>{"label": value}</c>, <c>null</c> bare), for the
/// examples of changes. A union prefers its null branch so recursive records end; null when no finite datum is found
/// within the depth bound.
/// </summary>
internal static class AvroSampler
{
    private const int MaxDepth = 16;

    /// <summary>A fixed may declare up to 2 GB; an example that large helps nobody.</summary>
    private const int MaxFixed = 1024;

    public static string? Sample(AvroType type) => Sample(type, 0);

    /// <summary>A datum of a union choosing <paramref name="branch"/>.</summary>
    public static string? InUnion(AvroType branch) =>
        branch.Kind == "null" ? "null" : Sample(branch) is { } value ? "{" + JsonText.Quote(branch.Label) + ":" + value + "}" : null;

    private static string? Sample(AvroType type, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        return type switch
        {
            AvroUnion union => union.Branches.FirstOrDefault(b => b.Kind == "null") is not null ? "null"
                : union.Branches.Select(b => Sample(b, depth + 1) is { } v ? "{" + JsonText.Quote(b.Label) + ":" + v + "}" : null)
                    .FirstOrDefault(v => v is not null),
            AvroRecord record => RecordAt(record, depth),
            AvroEnum e => e.Symbols.Count == 0 ? null : JsonText.Quote(e.Symbols[0]),
            AvroFixed f => f.Size > MaxFixed ? null : JsonText.Quote(new string('a', f.Size)),
            AvroArray a => Sample(a.Items, depth + 1) is { } item ? "[" + item + "]" : "[]",
            AvroMap m => Sample(m.Values, depth + 1) is { } value ? "{\"key\":" + value + "}" : "{}",
            _ when type.LogicalType == "uuid" => "\"00000000-0000-0000-0000-000000000001\"",
            _ => type.Kind switch
            {
                "null" => "null",
                "boolean" => "true",
                "int" or "long" => "1",
                "float" or "double" => 1.5.ToString(CultureInfo.InvariantCulture),
                "bytes" => "\"\\u0001\"",
                _ => "\"text\"",
            },
        };
    }

    private static string? RecordAt(AvroRecord record, int depth)
    {
        var builder = new StringBuilder("{");
        foreach (var field in record.Fields)
        {
            if (Sample(field.Type, depth + 1) is not { } member)
            {
                return null;
            }
            if (builder.Length > 1)
            {
                builder.Append(',');
            }
            builder.Append(JsonText.Quote(field.Name)).Append(':').Append(member);
        }
        return builder.Append('}').ToString();
    }
}
