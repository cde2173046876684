namespace SchemaRegistry.Formats.Avro;

internal sealed class AvroUnion(IReadOnlyList<AvroType> branches) : AvroType
{
    public override string Kind => "union";

    public IReadOnlyList<AvroType> Branches => branches;
}
