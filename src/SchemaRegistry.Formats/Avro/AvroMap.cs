namespace SchemaRegistry.Formats.Avro;

internal sealed class AvroMap(AvroType values) : AvroType
{
    public override string Kind => "map";

    public AvroType Values => values;
}
