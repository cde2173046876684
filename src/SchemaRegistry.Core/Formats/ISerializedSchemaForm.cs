namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A format whose schemas also have a binary spelling that clients may ask for instead of the text: Protobuf's
/// <c>FileDescriptorProto</c>, base64-encoded, which Confluent's clients request with <c>format=serialized</c>.
/// </summary>
public interface ISerializedSchemaForm
{
    string ToSerialized(ParsedSchema schema);

    /// <summary>True when <paramref name="text"/> is the binary spelling rather than the schema's text (a registry then keeps the text it normalises to).</summary>
    bool IsSerialized(string text);
}
