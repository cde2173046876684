using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Bench;

/// <summary>(b) Our validator: the schema compiled once, each record checked on the fast boolean path.</summary>
internal sealed class OurValidator : Contender
{
    private readonly CompiledSchema _schema;

    private OurValidator(CompiledSchema schema)
        : base("ours", "(b) ours: SchemaRegistry.JsonSchema", checksSchema: true) =>
        _schema = schema;

    public static OurValidator Create(string schemaText) => new(CompiledSchema.Compile(schemaText, JsonSchemaOptions.Default));

    public override bool Check(byte[] record) => _schema.IsValid(record);
}
