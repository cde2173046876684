using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Linking;

internal sealed partial class ProtoChecks
{
    private void Enum(ProtoEnum @enum, string fullName)
    {
        if (@enum.Values.Count == 0)
        {
            issues.Invalid(path, @enum.Position, $"enum {fullName} has no values; an enum needs at least one");
            return;
        }

        if (file.IsProto3 && @enum.Values[0].Number != 0)
        {
            issues.Invalid(path, @enum.Values[0].Position, $"the first value of enum {fullName} is {@enum.Values[0].Number}; proto3 requires it to be 0 (the default)");
        }

        var numbers = new Dictionary<long, string>();
        foreach (var value in @enum.Values)
        {
            if (value.Number is < int.MinValue or > ProtoParser.MaxEnumNumber)
            {
                issues.Invalid(path, value.Position, $"enum value {fullName}.{value.Name} is {value.Number}, outside the 32-bit range");
            }

            if (!numbers.TryAdd(value.Number, value.Name) && !@enum.AllowsAlias)
            {
                issues.Invalid(path, value.Position, $"enum value {value.Name} uses number {value.Number}, already used by {numbers[value.Number]}; set option allow_alias = true to alias");
            }

            if (@enum.ReservedRanges.Any(range => range.Contains(value.Number)) || @enum.ReservedNames.Contains(value.Name))
            {
                issues.Invalid(path, value.Position, $"enum value {fullName}.{value.Name} = {value.Number} uses a reserved name or number");
            }
        }
    }

    /// <summary>Enum values live in the scope that holds the enum (C++ scoping), so sibling enums cannot share a value name.</summary>
    private void EnumValueNames(ProtoEnum @enum, string scope, Dictionary<string, SourcePosition> names)
    {
        foreach (var value in @enum.Values)
        {
            Name(names, value.Name, value.Position, scope);
        }
    }
}
