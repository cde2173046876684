using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Linking;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// A <c>.proto</c> schema that parsed and linked: the file with every type name resolved to its full name, the files
/// it imports (by import path), and the message indexes Confluent's wire format writes before each record.
/// </summary>
public sealed record ProtobufParsedSchema : ParsedSchema
{
    internal ProtobufParsedSchema(string text, ProtoFile file, IReadOnlyDictionary<string, ProtoFile> files, ProtoSymbolTable symbols)
        : base(ProtobufFormat.FormatName, text)
    {
        File = file;
        Imports = files.Where(pair => pair.Key.Length > 0).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        Symbols = symbols;
    }

    /// <summary>The schema's own file, linked: every message and enum type is its full name with a leading dot.</summary>
    public ProtoFile File { get; }

    /// <summary>Every file the schema imports, directly or not, by import path, linked.</summary>
    public IReadOnlyDictionary<string, ProtoFile> Imports { get; }

    internal ProtoSymbolTable Symbols { get; }

    /// <summary>The first message: the record type when a serializer is not told otherwise.</summary>
    public string? RecordType => File.Messages.Count == 0 ? null : ProtoSymbolTable.Join(File.Package ?? "", File.Messages[0].Name);

    /// <summary>
    /// The index path of a message of this file by full name (with or without a leading dot): <c>[0]</c> for the first
    /// top-level message, <c>[1, 0]</c> for the first message nested in the second. Null when the file declares no
    /// such message.
    /// </summary>
    public IReadOnlyList<int>? MessageIndexes(string fullName) => Protobuf.MessageIndexes.Of(File, fullName);

    /// <summary>The full name (no leading dot) of the message at an index path; null when the path leads nowhere.</summary>
    public string? MessageName(IReadOnlyList<int> indexes) => Protobuf.MessageIndexes.NameOf(File, indexes);
}
