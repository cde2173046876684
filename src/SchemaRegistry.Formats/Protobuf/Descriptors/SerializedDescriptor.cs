using Google.Protobuf;
using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Normalising;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>
/// A schema sent as a base64 <c>google.protobuf.FileDescriptorProto</c> (how Confluent's JavaScript client registers
/// Protobuf) rather than <c>.proto</c> text. Text made only of base64 characters cannot be <c>.proto</c> (a statement
/// needs ';' or '{'), so such text is a descriptor or refused.
/// </summary>
internal static class SerializedDescriptor
{
    /// <summary>The file a schema text holds: parsed as <c>.proto</c>, or decoded, converted and written as canonical text and parsed.</summary>
    public static ProtoFile Parse(string text)
    {
        var trimmed = text.Trim();
        if (!IsSerialized(trimmed))
        {
            return ProtoParser.Parse(text);
        }

        var descriptor = Decode(trimmed);
        ProtoFile model;
        try
        {
            model = DescriptorReader.Read(descriptor);
        }
        catch (DescriptorException error)
        {
            throw Refused(error.Message);
        }

        return ProtoParser.Parse(ProtoWriter.Write(model));
    }

    /// <summary>The base64 of a file's descriptor.</summary>
    public static string Encode(ProtoFile file, string name) => DescriptorWriter.Write(file, name).ToByteString().ToBase64();

    private static FileDescriptorProto Decode(string text)
    {
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            throw Refused("the text is neither .proto source nor valid base64 (a serialized FileDescriptorProto)");
        }

        FileDescriptorProto descriptor;
        try
        {
            descriptor = FileDescriptorProto.Parser.ParseFrom(bytes, 0, length);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw Refused($"the base64 text does not decode to a FileDescriptorProto: {error.Message}");
        }

        if (descriptor.Name.Length == 0 && descriptor.MessageType.Count == 0 && descriptor.EnumType.Count == 0 && descriptor.Service.Count == 0)
        {
            throw Refused("the base64 text decodes to an empty FileDescriptorProto (no name, message, enum or service)");
        }

        return descriptor;
    }

    /// <summary>A <c>//</c> comment with no space in it is .proto text that is all base64 characters.</summary>
    public static bool IsSerialized(string text) =>
        text.Length > 0 && !text.StartsWith("//", StringComparison.Ordinal) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');

    private static ProtoSyntaxException Refused(string reason) => new(new SourcePosition(1, 1), reason);
}
