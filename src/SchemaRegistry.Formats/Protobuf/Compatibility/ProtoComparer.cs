using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Compatibility;

/// <summary>
/// Compares two versions of a <c>.proto</c> schema as the wire format sees them. Messages are matched by name (the
/// package left aside); a field whose type changes from one message or enum to another pairs the two and compares
/// them too (a rename is not on the wire). Fields are matched by number. Backward means a reader on the NEW schema
/// parses every record the OLD one writes, with its values; forward the reverse. Every rule is symmetric: the forward
/// verdict of (old, new) is the backward verdict of (new, old). Paths are documented in docs/formats-protobuf.md.
/// </summary>
internal sealed partial class ProtoComparer(ProtobufParsedSchema older, ProtobufParsedSchema newer)
{
    private readonly List<SchemaChange> changes = [];
    private readonly Queue<(ProtoMessage Old, string OldName, ProtoMessage New, string NewName)> pending = new();
    private readonly HashSet<(string, string)> comparedMessages = [];
    private readonly HashSet<(string, string)> comparedEnums = [];
    private readonly HashSet<string> renamedOld = new(StringComparer.Ordinal);
    private readonly HashSet<string> renamedNew = new(StringComparer.Ordinal);

    public SchemaDiff Compare()
    {
        if (older.File.Syntax != newer.File.Syntax)
        {
            Add(ChangeKind.SyntaxChanged, "", older.File.Syntax, newer.File.Syntax, true, true,
                "The syntax changed; the encoding is the same. Differences that follow from it (required labels, presence, packing) are listed on their own.");
        }

        if (older.File.Package != newer.File.Package)
        {
            Add(ChangeKind.PackageChanged, "", older.File.Package, newer.File.Package, false, false,
                "The package changed, so every message's full name changed: deserializers configured with a message type by name, and Any values that carry type URLs, no longer find it. Confluent refuses it too.",
                older.RecordType is { } record ? $"a deserializer configured to read {record}" : null);
        }

        var oldMessages = Messages(older);
        var newMessages = Messages(newer);
        foreach (var (name, message) in oldMessages)
        {
            if (newMessages.TryGetValue(name, out var match))
            {
                Pair(message, Full(older, name), match, Full(newer, name));
            }
        }

        var oldEnums = Enums(older);
        var newEnums = Enums(newer);
        foreach (var (name, @enum) in oldEnums)
        {
            if (newEnums.TryGetValue(name, out var match))
            {
                EnumPair(@enum, match, Path(newer, Full(newer, name)));
            }
        }

        while (pending.TryDequeue(out var pair))
        {
            MessagePair(pair.Old, pair.OldName, pair.New, pair.NewName);
        }

        AddedAndRemoved(oldMessages, newMessages, oldEnums, newEnums);
        return new SchemaDiff(changes);
    }

    private void AddedAndRemoved(
        Dictionary<string, ProtoMessage> oldMessages,
        Dictionary<string, ProtoMessage> newMessages,
        Dictionary<string, ProtoEnum> oldEnums,
        Dictionary<string, ProtoEnum> newEnums)
    {
        var oldRecord = RecordName(older);
        var newRecord = RecordName(newer);
        foreach (var name in oldMessages.Keys.Where(name => !newMessages.ContainsKey(name)))
        {
            if (!renamedOld.Contains(Full(older, name)) || name == oldRecord)
            {
                Add(ChangeKind.MessageRemoved, Path(older, Full(older, name)), name, null, false, true,
                    name == oldRecord
                        ? $"The record type {name} (the first message) is gone: data written as {name} has no message of that name to be read as, which Confluent treats as incompatible even when the shape is kept."
                        : $"Message {name} is gone: records written with it as their record type (by its message index) cannot be read by the new schema.",
                    $"a record of type {name} (message index {Indexes(older, name)}) written by the old schema");
            }
        }

        foreach (var name in newMessages.Keys.Where(name => !oldMessages.ContainsKey(name)))
        {
            if (!renamedNew.Contains(Full(newer, name)) || name == newRecord)
            {
                Add(ChangeKind.MessageAdded, Path(newer, Full(newer, name)), null, name, true, false,
                    $"Message {name} is new: the new schema can write records of this type, which readers of the old schema cannot decode.",
                    $"a record of type {name} (message index {Indexes(newer, name)}) written by the new schema");
            }
        }

        foreach (var name in oldEnums.Keys.Where(name => !newEnums.ContainsKey(name) && !renamedOld.Contains(Full(older, name))))
        {
            Add(ChangeKind.EnumRemoved, Path(older, Full(older, name)), name, null, true, true,
                $"Enum {name} is gone; an enum is never a record type, and fields that used it are compared on their own.");
        }

        foreach (var name in newEnums.Keys.Where(name => !oldEnums.ContainsKey(name) && !renamedNew.Contains(Full(newer, name))))
        {
            Add(ChangeKind.EnumAdded, Path(newer, Full(newer, name)), null, name, true, true, $"Enum {name} is new; it changes nothing for existing data.");
        }
    }

    private void Pair(ProtoMessage old, string oldName, ProtoMessage @new, string newName)
    {
        if (comparedMessages.Add((oldName, newName)))
        {
            pending.Enqueue((old, oldName, @new, newName));
        }
    }

    private void Add(ChangeKind kind, string path, string? old, string? @new, bool backward, bool forward, string reason, string? example = null) =>
        changes.Add(new SchemaChange(kind, path, old, @new, backward, forward, reason, example));

    /// <summary>Every message of the schema's own file, nested ones included, by name relative to its package.</summary>
    private static Dictionary<string, ProtoMessage> Messages(ProtobufParsedSchema schema)
    {
        var all = new Dictionary<string, ProtoMessage>(StringComparer.Ordinal);
        void Walk(string scope, IEnumerable<ProtoMessage> messages)
        {
            foreach (var message in messages)
            {
                var name = scope.Length == 0 ? message.Name : $"{scope}.{message.Name}";
                all[name] = message;
                Walk(name, message.Messages);
            }
        }

        Walk("", schema.File.Messages);
        return all;
    }

    private static Dictionary<string, ProtoEnum> Enums(ProtobufParsedSchema schema)
    {
        var all = new Dictionary<string, ProtoEnum>(StringComparer.Ordinal);
        void Walk(string scope, IEnumerable<ProtoMessage> messages, IEnumerable<ProtoEnum> enums)
        {
            foreach (var @enum in enums)
            {
                all[scope.Length == 0 ? @enum.Name : $"{scope}.{@enum.Name}"] = @enum;
            }

            foreach (var message in messages)
            {
                var name = scope.Length == 0 ? message.Name : $"{scope}.{message.Name}";
                Walk(name, message.Messages, message.Enums);
            }
        }

        Walk("", schema.File.Messages, schema.File.Enums);
        return all;
    }

    private static string Indexes(ProtobufParsedSchema schema, string relative) =>
        $"[{string.Join(", ", schema.MessageIndexes(Full(schema, relative)) ?? [])}]";

    private static string? RecordName(ProtobufParsedSchema schema) => schema.File.Messages.Count == 0 ? null : schema.File.Messages[0].Name;

    /// <summary>A full name (no leading dot) from a name relative to the schema's package.</summary>
    private static string Full(ProtobufParsedSchema schema, string relative) =>
        string.IsNullOrEmpty(schema.File.Package) ? relative : $"{schema.File.Package}.{relative}";

    /// <summary>The name relative to the schema's package when it is in it; the full name otherwise (an import's type).</summary>
    private static string Relative(ProtobufParsedSchema schema, string fullName) =>
        !string.IsNullOrEmpty(schema.File.Package) && fullName.StartsWith(schema.File.Package + ".", StringComparison.Ordinal)
            ? fullName[(schema.File.Package.Length + 1)..]
            : fullName;

    private static string Path(ProtobufParsedSchema schema, string fullName) => "/" + Relative(schema, fullName).Replace('.', '/');
}
