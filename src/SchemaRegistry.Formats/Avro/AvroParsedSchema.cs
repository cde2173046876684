using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro;

/// <summary>An Avro schema that <see cref="AvroFormat"/> accepted: Apache.Avro's model and ours.</summary>
public sealed record AvroParsedSchema : ParsedSchema
{
    internal AvroParsedSchema(string text, global::Avro.Schema schema, AvroType root, IReadOnlySet<string> referencedNames)
        : base(AvroFormat.FormatName, text)
    {
        Schema = schema;
        Root = root;
        ReferencedNames = referencedNames;
    }

    /// <summary>The schema as Apache.Avro parsed it, named types of its references resolved: ready for its readers and writers.</summary>
    public global::Avro.Schema Schema { get; }

    internal AvroType Root { get; }

    /// <summary>Full names of the named types that the references define (written by name only in the normal form).</summary>
    internal IReadOnlySet<string> ReferencedNames { get; }
}
