using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Compatibility;

internal sealed partial class ProtoComparer
{
    /// <summary>Compares what one field number holds on each side; message and enum pairs are queued for comparison.</summary>
    private void ValueType(ProtoType old, ProtoType @new, string path)
    {
        var oldText = Relative(older, old.FullName);
        var newText = Relative(newer, @new.FullName);
        switch (old.Kind, @new.Kind)
        {
            case (ProtoTypeKind.Scalar, ProtoTypeKind.Scalar):
                Scalars(old.Name, @new.Name, path);
                break;
            case (ProtoTypeKind.Message, ProtoTypeKind.Message):
                if (oldText != newText)
                {
                    Renamed(old.FullName, @new.FullName, path, "message");
                }

                if (older.Symbols.Message(old) is { } oldMessage && newer.Symbols.Message(@new) is { } newMessage)
                {
                    Pair(oldMessage, old.FullName, newMessage, @new.FullName);
                }

                break;
            case (ProtoTypeKind.Enum, ProtoTypeKind.Enum):
                if (oldText != newText)
                {
                    Renamed(old.FullName, @new.FullName, path, "enum");
                }

                if (older.Symbols.Enum(old) is { } oldEnum && newer.Symbols.Enum(@new) is { } newEnum)
                {
                    EnumPair(oldEnum, newEnum, Path(newer, @new.FullName));
                }

                break;
            case (ProtoTypeKind.Enum, ProtoTypeKind.Scalar) when WireGroups.ReadsAsEnum(@new.Name):
            case (ProtoTypeKind.Scalar, ProtoTypeKind.Enum) when WireGroups.ReadsAsEnum(old.Name):
                Add(ChangeKind.WireTypeChanged, path, oldText, newText, true, true,
                    "An enum is encoded as an int32 varint, which int32, uint32, int64 and uint64 read; a number outside the enum is kept as an unknown value (proto3) or an unknown field (proto2).");
                break;
            case (ProtoTypeKind.Message, ProtoTypeKind.Scalar) when @new.Name == "bytes":
                Add(ChangeKind.TypeWidened, path, oldText, newText, true, false,
                    "An embedded message is length-delimited bytes: the new schema reads old records as the message's encoding, but old readers cannot parse arbitrary new bytes as the message.",
                    "a record whose field holds bytes that are not an encoded message");
                break;
            case (ProtoTypeKind.Scalar, ProtoTypeKind.Message) when old.Name == "bytes":
                Add(ChangeKind.TypeNarrowed, path, oldText, newText, false, true,
                    "Bytes become an embedded message: old records whose bytes are not an encoded message fail to parse.",
                    "a record whose field holds bytes that are not an encoded message");
                break;
            default:
                Incompatible(oldText, newText, path);
                break;
        }
    }

    private void Scalars(string old, string @new, string path)
    {
        if (old == @new)
        {
            return;
        }

        if (WireGroups.SameGroup(old, @new))
        {
            Add(ChangeKind.WireTypeChanged, path, old, @new, true, true,
                $"{old} and {@new} share an encoding, so each reads the other's bytes; a value outside the reader's range is truncated as a C++ cast would.");
        }
        else if (old == "string" && @new == "bytes")
        {
            Add(ChangeKind.TypeWidened, path, old, @new, true, false,
                "Every string is valid bytes, but bytes that are not UTF-8 fail to parse as a string under the old schema.",
                "a record whose field holds the bytes 0xFF 0xFE");
        }
        else if (old == "bytes" && @new == "string")
        {
            Add(ChangeKind.TypeNarrowed, path, old, @new, false, true,
                "Bytes that are not UTF-8 fail to parse as a string under the new schema.",
                "a record whose field holds the bytes 0xFF 0xFE");
        }
        else
        {
            Incompatible(old, @new, path);
        }
    }

    private void Incompatible(string old, string @new, string path) =>
        Add(ChangeKind.TypeChanged, path, old, @new, false, false,
            $"The field number now holds {@new} instead of {old}: the encodings differ, so each side misreads or drops the other's value.",
            $"a record with the field set as {old}");

    private void Renamed(string oldFullName, string newFullName, string path, string what)
    {
        renamedOld.Add(oldFullName);
        renamedNew.Add(newFullName);
        Add(ChangeKind.TypeRenamed, path, Relative(older, oldFullName), Relative(newer, newFullName), true, true,
            $"The field's {what} type is now {Relative(newer, newFullName)} instead of {Relative(older, oldFullName)}: names are not on the wire, so the two are compared by their fields (values) instead.");
    }

    private void MapField(ProtoField old, ProtoField @new, string path)
    {
        if (old.IsMap && @new.IsMap)
        {
            Scalars(old.MapKey!.Name, @new.MapKey!.Name, path + "/key");
            ValueType(old.Type, @new.Type, path + "/value");
            return;
        }

        var map = old.IsMap ? old : @new;
        var list = old.IsMap ? @new : old;
        var listSchema = old.IsMap ? newer : older;
        var entry = list.Label == ProtoLabel.Repeated ? listSchema.Symbols.Message(list.Type) : null;
        var key = entry?.Fields.FirstOrDefault(field => field.Number == 1 && field.Label != ProtoLabel.Repeated && !field.IsMap);
        var value = entry?.Fields.FirstOrDefault(field => field.Number == 2 && field.Label != ProtoLabel.Repeated && !field.IsMap);
        if (entry is null || key is null || value is null || entry.Fields.Count != 2)
        {
            Incompatible(Describe(old), Describe(@new), path);
            return;
        }

        (old.IsMap ? renamedNew : renamedOld).Add(list.Type.FullName);
        Add(ChangeKind.MapRepeatedEquivalent, path, Describe(old), Describe(@new), true, true,
            $"A map is encoded as a repeated message with key = 1 and value = 2, which {Relative(listSchema, list.Type.FullName)} is; keys and values are compared below.");
        if (old.IsMap)
        {
            ValueType(map.MapKey!, key.Type, path + "/key");
            ValueType(map.Type, value.Type, path + "/value");
        }
        else
        {
            ValueType(key.Type, map.MapKey!, path + "/key");
            ValueType(value.Type, map.Type, path + "/value");
        }
    }
}
