using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Compatibility;

internal sealed partial class ProtoComparer
{
    /// <summary>Enum values are matched by number (the wire holds numbers); several names per number are aliases.</summary>
    private void EnumPair(ProtoEnum old, ProtoEnum @new, string path)
    {
        if (!comparedEnums.Add((path, old.Name + "/" + @new.Name)))
        {
            return;
        }

        var oldByNumber = old.Values.GroupBy(value => value.Number).ToDictionary(group => group.Key, group => group.Select(value => value.Name).ToList());
        var newByNumber = @new.Values.GroupBy(value => value.Number).ToDictionary(group => group.Key, group => group.Select(value => value.Name).ToList());
        foreach (var number in oldByNumber.Keys.Union(newByNumber.Keys).Order())
        {
            var oldNames = oldByNumber.GetValueOrDefault(number);
            var newNames = newByNumber.GetValueOrDefault(number);
            if (newNames is null)
            {
                Add(ChangeKind.EnumValueRemoved, $"{path}/{oldNames![0]}", $"{oldNames[0]} = {number}", null, true, true,
                    $"Enum value {oldNames[0]} = {number} was removed: the number still parses, as an unknown value in proto3 and an unknown field in proto2. Confluent accepts it; reserve the number so it is not reused.");
            }
            else if (oldNames is null)
            {
                Add(ChangeKind.EnumValueAdded, $"{path}/{newNames[0]}", null, $"{newNames[0]} = {number}", true, true,
                    $"Enum value {newNames[0]} = {number} was added: old readers parse it as an unknown value (proto3) or an unknown field (proto2).");
            }
            else if (!oldNames.Intersect(newNames).Any())
            {
                Add(ChangeKind.EnumValueRenamed, $"{path}/{newNames[0]}", oldNames[0], newNames[0], true, true,
                    $"Enum value {number} was renamed from {oldNames[0]} to {newNames[0]}: names are not in the binary encoding (the JSON encoding uses them).");
            }
        }
    }
}
