using System.Reflection;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary>(c) NJsonSchema: its validator takes a string, so decoding the UTF-8 record is part of its cost.</summary>
internal sealed class NJsonSchemaContender : Contender
{
    private readonly NJsonSchema.JsonSchema schema;

    private NJsonSchemaContender(NJsonSchema.JsonSchema schema)
        : base("njsonschema", $"(c) NJsonSchema {Version} (UTF-8 → string, Validate)", checksSchema: true) =>
        this.schema = schema;

    public static string Version { get; } =
        typeof(NJsonSchema.JsonSchema).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(NJsonSchema.JsonSchema).Assembly.GetName().Version?.ToString()
        ?? "?";

    public static async Task<NJsonSchemaContender> CreateAsync(string schemaText) =>
        new(await NJsonSchema.JsonSchema.FromJsonAsync(schemaText));

    public override bool Check(byte[] record) => schema.Validate(Encoding.UTF8.GetString(record)).Count == 0;
}
