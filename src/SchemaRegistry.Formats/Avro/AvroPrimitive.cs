namespace SchemaRegistry.Formats.Avro;

/// <summary>null, boolean, int, long, float, double, bytes or string, possibly with a logical type.</summary>
internal sealed class AvroPrimitive(string kind) : AvroType
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(StringComparer.Ordinal) { "null", "boolean", "int", "long", "float", "double", "bytes", "string" };

    public override string Kind => kind;
}
