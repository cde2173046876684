namespace SchemaRegistry.JsonSchema.Tests.Suite;

/// <summary>The formats data contracts use, whose optional suite tests must all pass.</summary>
internal static class DataContractFormats
{
    private static readonly string[] Names =
    [
        "date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "uuid",
        "regex", "json-pointer", "relative-json-pointer",
    ];

    public static bool Includes(string file) =>
        Names.Any(name => file == $"optional/format/{name}.json");
}
