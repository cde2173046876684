namespace SchemaRegistry.Formats.Avro;

internal sealed class AvroArray(AvroType items) : AvroType
{
    public override string Kind => "array";

    public AvroType Items => items;
}
