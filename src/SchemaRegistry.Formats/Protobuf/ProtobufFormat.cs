using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Compatibility;
using SchemaRegistry.Formats.Protobuf.Descriptors;
using SchemaRegistry.Formats.Protobuf.Linking;
using SchemaRegistry.Formats.Protobuf.Normalising;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// Protocol Buffers (<c>.proto</c> text or a base64 FileDescriptorProto, proto2 and proto3) behind the format seam: our own parser and linker,
/// a canonical text for identity, and compatibility by the wire format's rules (docs/formats-protobuf.md).
/// </summary>
public sealed class ProtobufFormat : ISchemaFormat, ISerializedSchemaForm
{
    public const string FormatName = "protobuf";

    public string Name => FormatName;

    public string ConfluentType => "PROTOBUF";

    public FormatParse Parse(string text, IReadOnlyDictionary<string, string> references)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        return ProtoLinker.Link(text, references);
    }

    /// <summary>
    /// The schema as a base64 serialized <c>google.protobuf.FileDescriptorProto</c> named <c>schema.proto</c>, what
    /// Confluent's clients ask for with <c>?format=serialized</c>.
    /// </summary>
    public string ToSerialized(ParsedSchema schema) => ToSerialized(schema, "schema.proto");

    /// <summary>The schema as a base64 serialized <c>FileDescriptorProto</c> under a file name of the caller's (a reference's import path).</summary>
    public string ToSerialized(ParsedSchema schema, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return SerializedDescriptor.Encode(Own(schema).File, fileName);
    }

    /// <summary>A base64 <c>FileDescriptorProto</c> rather than <c>.proto</c> text.</summary>
    public bool IsSerialized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SerializedDescriptor.IsSerialized(text.Trim());
    }

    public string Normalise(ParsedSchema schema) => ProtoWriter.Write(Own(schema).File);

    public SchemaDiff Compare(ParsedSchema older, ParsedSchema newer) => new ProtoComparer(Own(older), Own(newer)).Compare();

    private static ProtobufParsedSchema Own(ParsedSchema schema) =>
        schema as ProtobufParsedSchema ?? throw new ArgumentException($"expected a schema parsed by the protobuf format, got {schema?.Format ?? "null"}", nameof(schema));
}
