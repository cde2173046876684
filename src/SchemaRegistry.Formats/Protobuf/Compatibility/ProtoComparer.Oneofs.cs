using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Compatibility;

internal sealed partial class ProtoComparer
{
    /// <summary>
    /// Which old oneof each new oneof continues: the one its surviving members came from, else the one of its name.
    /// Keyed by the new oneof's name.
    /// </summary>
    private static Dictionary<string, string> Correspondence(ProtoMessage old, ProtoMessage @new)
    {
        var oldByNumber = old.Fields.ToDictionary(field => field.Number);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var oneof in @new.Oneofs)
        {
            var from = @new.Fields
                .Where(field => field.Oneof == oneof.Name && oldByNumber.TryGetValue(field.Number, out var was) && was.Oneof is not null)
                .Select(field => oldByNumber[field.Number].Oneof!)
                .FirstOrDefault();
            from ??= old.Oneofs.Any(candidate => candidate.Name == oneof.Name) && !@new.Fields.Any(field => field.Oneof == oneof.Name && oldByNumber.ContainsKey(field.Number))
                ? oneof.Name
                : null;
            if (from is not null)
            {
                map[oneof.Name] = from;
            }
        }

        return map;
    }

    /// <summary>
    /// Fields kept on both sides, grouped by what may be set together: each oneof is one group, each other field its own.
    /// Fields from several old groups joined into one oneof: old records with two of them set lose one (backward).
    /// A old oneof's fields spread over several new groups: new records may set two, old readers keep one (forward).
    /// </summary>
    private void Oneofs(ProtoMessage old, ProtoMessage @new, string path)
    {
        var newByNumber = @new.Fields.ToDictionary(field => field.Number);
        var oldByNumber = old.Fields.ToDictionary(field => field.Number);
        var kept = old.Fields.Where(field => newByNumber.ContainsKey(field.Number)).Select(field => field.Number).ToList();
        string Group(ProtoField field) => field.Oneof ?? $"#{field.Number}";
        foreach (var oneof in @new.Oneofs)
        {
            var members = kept.Where(number => newByNumber[number].Oneof == oneof.Name).ToList();
            var from = members.Select(number => Group(oldByNumber[number])).Distinct().ToList();
            var names = string.Join(", ", members.Select(number => newByNumber[number].Name));
            if (from.Count > 1)
            {
                Add(ChangeKind.FieldsMovedIntoOneof, $"{path}/{oneof.Name}", string.Join(", ", from.Select(group => group.StartsWith('#') ? $"field {group[1..]}" : $"oneof {group}")), oneof.Name, false, true,
                    $"Fields {names} now share oneof {oneof.Name} but could be set together before: an old record with two of them set keeps only the last. Confluent refuses it too.",
                    $"a record written by the old schema with {names} all set");
            }
            else if (from.Count == 1 && from[0].StartsWith('#'))
            {
                Add(ChangeKind.FieldMovedIntoOneof, $"{path}/{oneof.Name}", null, oneof.Name, true, true,
                    $"Field {names} moved into the new oneof {oneof.Name}, alone among the old fields: the encoding is unchanged and nothing set together before is now exclusive.");
            }
            else if (from.Count == 1 && from[0] != oneof.Name)
            {
                Add(ChangeKind.OneofRenamed, $"{path}/{oneof.Name}", from[0], oneof.Name, true, true,
                    $"Oneof {from[0]} is now called {oneof.Name}: oneof names are not on the wire.");
            }
        }

        foreach (var oneof in old.Oneofs)
        {
            var members = kept.Where(number => oldByNumber[number].Oneof == oneof.Name).ToList();
            var to = members.Select(number => Group(newByNumber[number])).Distinct().ToList();
            var names = string.Join(", ", members.Select(number => oldByNumber[number].Name));
            var gone = !@new.Oneofs.Any(candidate => candidate.Name == oneof.Name) && to.All(group => group.StartsWith('#'));
            if (to.Count > 1)
            {
                Add(gone ? ChangeKind.OneofRemoved : ChangeKind.FieldMovedOutOfOneof, $"{path}/{oneof.Name}", oneof.Name, string.Join(", ", to.Select(group => group.StartsWith('#') ? $"field {group[1..]}" : $"oneof {group}")), true, false,
                    $"Fields {names} of oneof {oneof.Name} can now be set together: a new record with two of them set reads, under the old schema, with only the last.",
                    $"a record written by the new schema with {names} all set");
            }
            else if (to.Count == 1 && to[0].StartsWith('#'))
            {
                Add(gone ? ChangeKind.OneofRemoved : ChangeKind.FieldMovedOutOfOneof, $"{path}/{oneof.Name}", oneof.Name, null, true, true,
                    $"Field {names}, the only one of oneof {oneof.Name} that is kept, left it: the encoding is unchanged and no two fields that were exclusive can now be set together.");
            }
        }
    }
}
