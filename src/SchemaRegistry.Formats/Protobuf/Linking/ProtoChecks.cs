using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>
/// The rules protoc enforces on a linked file that matter to data: field numbers (range, the implementation-reserved
/// 19000-19999, duplicates, reserved and extension ranges), names used twice in one scope, proto3's restrictions
/// (no required, no default, no extension ranges, first enum value 0, no closed enums), map keys, packed options.
/// </summary>
internal sealed partial class ProtoChecks(string path, ProtoFile file, ProtoSymbolTable symbols, LinkIssues issues)
{
    private const long FirstImplementationReserved = 19000;
    private const long LastImplementationReserved = 19999;

    public void Check()
    {
        var scope = file.Package ?? "";
        var topLevel = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var message in file.Messages)
        {
            topLevel.TryAdd(message.Name, message.Position);
            Message(message, ProtoSymbolTable.Join(scope, message.Name));
        }

        foreach (var @enum in file.Enums)
        {
            topLevel.TryAdd(@enum.Name, @enum.Position);
        }

        foreach (var @enum in file.Enums)
        {
            Enum(@enum, ProtoSymbolTable.Join(scope, @enum.Name));
            EnumValueNames(@enum, scope, topLevel);
        }

        foreach (var extend in file.Extends)
        {
            Extend(extend);
        }
    }

    private void Message(ProtoMessage message, string fullName)
    {
        var names = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var numbers = new Dictionary<long, string>();
        foreach (var field in message.Fields)
        {
            Name(names, field.Name, field.Position, fullName);
            Field(field, fullName, isExtension: false);
            if (!numbers.TryAdd(field.Number, field.Name))
            {
                issues.Invalid(path, field.Position, $"field {fullName}.{field.Name} uses number {field.Number}, already used by field {numbers[field.Number]}");
            }

            if (message.IsReserved(field.Number))
            {
                issues.Invalid(path, field.Position, $"field {fullName}.{field.Name} uses number {field.Number}, which the message reserves");
            }

            if (message.ReservedNames.Contains(field.Name))
            {
                issues.Invalid(path, field.Position, $"field name '{field.Name}' is reserved in message {fullName}");
            }

            if (message.ExtensionRanges.Any(range => range.Contains(field.Number)))
            {
                issues.Invalid(path, field.Position, $"field {fullName}.{field.Name} uses number {field.Number}, which lies in an extension range");
            }
        }

        foreach (var oneof in message.Oneofs)
        {
            Name(names, oneof.Name, oneof.Position, fullName);
        }

        foreach (var range in message.ReservedRanges.Concat(message.ExtensionRanges))
        {
            if (range.From < 1 || range.To > ProtoParser.MaxFieldNumber)
            {
                issues.Invalid(path, message.Position, $"message {fullName} reserves or extends {range.Write(ProtoParser.MaxFieldNumber)}, outside 1 to {ProtoParser.MaxFieldNumber}");
            }
        }

        if (file.IsProto3 && message.ExtensionRanges.Count > 0)
        {
            issues.Invalid(path, message.Position, $"message {fullName} declares extension ranges, which proto3 does not allow");
        }

        foreach (var nested in message.Messages)
        {
            Name(names, nested.Name, nested.Position, fullName);
            Message(nested, $"{fullName}.{nested.Name}");
        }

        foreach (var @enum in message.Enums)
        {
            Name(names, @enum.Name, @enum.Position, fullName);
            Enum(@enum, $"{fullName}.{@enum.Name}");
            EnumValueNames(@enum, fullName, names);
        }

        foreach (var extend in message.Extends)
        {
            Extend(extend);
        }
    }

    private void Field(ProtoField field, string owner, bool isExtension)
    {
        var name = $"{owner}.{field.Name}";
        if (field.Number < 1 || field.Number > ProtoParser.MaxFieldNumber)
        {
            issues.Invalid(path, field.Position, $"field {name} has number {field.Number}, outside 1 to {ProtoParser.MaxFieldNumber} (2^29 - 1)");
        }
        else if (field.Number is >= FirstImplementationReserved and <= LastImplementationReserved)
        {
            issues.Invalid(path, field.Position, $"field {name} has number {field.Number}; 19000 to 19999 are reserved for the protobuf implementation");
        }

        if (file.IsProto3 && field.Label == ProtoLabel.Required)
        {
            issues.Invalid(path, field.Position, $"field {name} is required, which proto3 does not allow");
        }

        if (field.Option("default") is not null && (file.IsProto3 || field.IsRepeated || field.Type.Kind == ProtoTypeKind.Message))
        {
            issues.Invalid(path, field.Position, file.IsProto3
                ? $"field {name} sets a default, which proto3 does not allow"
                : $"field {name} sets a default, which only singular scalar and enum fields can have");
        }

        if (field.Option("packed") is not null && !(field.Label == ProtoLabel.Repeated && field.Type.IsPackable))
        {
            issues.Invalid(path, field.Position, $"field {name} sets packed, which applies only to repeated numeric, bool and enum fields");
        }

        if (field.MapKey is { } key && (key.Kind != ProtoTypeKind.Scalar || key.Name is "double" or "float" or "bytes"))
        {
            issues.Invalid(path, field.Position, $"map field {name} has key type '{key.Name}'; a map key is an integer, bool or string type");
        }

        if (file.IsProto3 && symbols.Find(field.Type.FullName) is { Kind: ProtoSymbolKind.Enum, Syntax: "proto2" } closed)
        {
            issues.Invalid(path, field.Position, $"field {name} uses the proto2 enum {closed.FullName}, which a proto3 message cannot use");
        }

        if (isExtension && field.Oneof is not null)
        {
            issues.Invalid(path, field.Position, $"extension {name} cannot be a oneof member");
        }
    }

    private void Extend(ProtoExtend extend)
    {
        var target = symbols.Message(extend.Extendee);
        foreach (var field in extend.Fields)
        {
            Field(field, "extension", isExtension: true);
            if (target is not null && !target.ExtensionRanges.Any(range => range.Contains(field.Number)))
            {
                issues.Invalid(path, field.Position, $"extension {field.Name} has number {field.Number}, outside the extension ranges of {extend.Extendee.FullName}");
            }
        }
    }

    private void Name(Dictionary<string, SourcePosition> names, string name, SourcePosition position, string scope)
    {
        if (!names.TryAdd(name, position))
        {
            issues.Invalid(path, position, $"'{name}' is already defined in {(scope.Length == 0 ? "the file" : scope)} (at {names[name]})");
        }
    }
}
