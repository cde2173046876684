using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Compatibility;

internal sealed partial class ProtoComparer
{
    private void MessagePair(ProtoMessage old, string oldName, ProtoMessage @new, string newName)
    {
        var path = Path(newer, newName);
        var oldFields = old.Fields.ToDictionary(field => field.Number);
        var newFields = @new.Fields.ToDictionary(field => field.Number);
        var oldOneofs = Correspondence(old, @new);
        foreach (var number in oldFields.Keys.Union(newFields.Keys).Order())
        {
            var oldField = oldFields.GetValueOrDefault(number);
            var newField = newFields.GetValueOrDefault(number);
            if (newField is null)
            {
                Removed(oldField!, @new, path, oldOneofs.Values.Contains(oldField!.Oneof));
            }
            else if (oldField is null)
            {
                Added(newField, path, newField.Oneof is not null && oldOneofs.ContainsKey(newField.Oneof));
            }
            else
            {
                Field(oldField, newField, $"{path}/{newField.Name}");
            }
        }

        Oneofs(old, @new, path);
    }

    private void Removed(ProtoField field, ProtoMessage @new, string path, bool oneofSurvives)
    {
        var at = $"{path}/{field.Name}";
        var described = Describe(field);
        if (field.Label == ProtoLabel.Required)
        {
            Add(ChangeKind.RequiredRemoved, at, described, null, true, false,
                $"Required field {field.Name} = {field.Number} was removed: readers of the old schema refuse records without it.",
                $"a record written by the new schema, which never has field {field.Number}");
        }
        else if (field.Oneof is not null && oneofSurvives)
        {
            Add(ChangeKind.OneofFieldRemoved, at, described, null, false, true,
                $"Field {field.Name} = {field.Number} left oneof {field.Oneof}: an old record whose oneof holds it reads as if the oneof were unset. Confluent refuses it too.",
                $"a record written by the old schema with {field.Name} set");
        }
        else if (@new.IsReserved(field.Number))
        {
            Add(ChangeKind.PropertyRemoved, at, described, null, true, true,
                $"Field {field.Name} = {field.Number} was removed and its number reserved: old data's value is skipped as unknown, and the number cannot come back with another type.");
        }
        else
        {
            Add(ChangeKind.FieldRemovedUnreserved, at, described, null, true, true,
                $"Field {field.Name} = {field.Number} was removed without reserving its number: the data stays readable, but a later version may reuse {field.Number} with another type, which only a transitive check against this version would catch. Add 'reserved {field.Number};'.");
        }
    }

    private void Added(ProtoField field, string path, bool intoExistingOneof)
    {
        var at = $"{path}/{field.Name}";
        var described = Describe(field);
        if (field.Label == ProtoLabel.Required)
        {
            Add(ChangeKind.RequiredAdded, at, null, described, false, true,
                $"Required field {field.Name} = {field.Number} was added: the new schema refuses every old record, which lacks it.",
                $"a record written by the old schema, which never has field {field.Number}");
        }
        else if (intoExistingOneof)
        {
            Add(ChangeKind.OneofFieldAdded, at, null, described, true, false,
                $"Field {field.Name} = {field.Number} joined oneof {field.Oneof}: a new record whose oneof holds it reads, under the old schema, as if the oneof were unset.",
                $"a record written by the new schema with {field.Name} set");
        }
        else
        {
            Add(ChangeKind.PropertyAdded, at, null, described, true, true,
                $"Field {field.Name} = {field.Number} was added: old records read it as absent (its default), old readers skip it as an unknown field.");
        }
    }

    private void Field(ProtoField old, ProtoField @new, string path)
    {
        if (old.Name != @new.Name)
        {
            Add(ChangeKind.FieldRenamed, path, old.Name, @new.Name, true, true,
                $"Field {old.Number} was renamed from {old.Name} to {@new.Name}: names are not in the binary encoding (the JSON encoding and field masks use them).");
        }

        if (old.IsMap || @new.IsMap)
        {
            MapField(old, @new, path);
        }
        else
        {
            ValueType(old.Type, @new.Type, path);
            Label(old, @new, path);
        }

        var oldDefault = old.Option("default")?.Value.Write();
        var newDefault = @new.Option("default")?.Value.Write();
        if (oldDefault != newDefault)
        {
            Add(ChangeKind.DefaultChanged, path + "/default", oldDefault, newDefault, true, true,
                "The default changed: the encoding is unaffected, but a record without the field now reads as another value.");
        }
    }

    private void Label(ProtoField old, ProtoField @new, string path)
    {
        var oldRepeated = old.Label == ProtoLabel.Repeated;
        var newRepeated = @new.Label == ProtoLabel.Repeated;
        if (old.Label == @new.Label)
        {
            return;
        }

        if (old.Label == ProtoLabel.Required || @new.Label == ProtoLabel.Required)
        {
            if (oldRepeated || newRepeated)
            {
                Add(ChangeKind.LabelChanged, path, Describe(old), Describe(@new), false, false,
                    "The field changed between required and repeated: one side's readers refuse records the other writes without it, and a repeated list does not fit a single value.");
            }
            else if (@new.Label == ProtoLabel.Required)
            {
                Add(ChangeKind.RequiredAdded, path, Describe(old), Describe(@new), false, true,
                    $"Field {@new.Name} became required: old records that lack it are refused by the new schema.",
                    $"a record written by the old schema without {old.Name}");
            }
            else
            {
                Add(ChangeKind.RequiredRemoved, path, Describe(old), Describe(@new), true, false,
                    $"Field {@new.Name} is no longer required: readers of the old schema refuse new records that lack it.",
                    $"a record written by the new schema without {@new.Name}");
            }

            return;
        }

        if (!oldRepeated && !newRepeated)
        {
            if (old.Oneof is null && @new.Oneof is null)
            {
                Add(ChangeKind.PresenceChanged, path, Describe(old), Describe(@new), true, true,
                    "The field changed between implicit and explicit presence: the encoding is the same; only whether an unset field is told from a zero differs.");
            }

            return;
        }

        // Strings, bytes and messages are length-delimited either way: a singular reader keeps the last element
        // (merges messages). Numbers written packed arrive as one length-delimited record a singular reader cannot use.
        var packable = old.Type.IsPackable && @new.Type.IsPackable;
        var writerPacks = oldRepeated ? Packed(old, older) : Packed(@new, newer);
        var singularReaderLoses = packable && writerPacks;
        var backward = !(oldRepeated && singularReaderLoses);
        var forward = !(newRepeated && singularReaderLoses);
        Add(ChangeKind.LabelChanged, path, Describe(old), Describe(@new), backward, forward,
            !packable
                ? "The field changed between singular and repeated: for strings, bytes and messages a singular reader keeps the last element (merges messages), a repeated reader sees a list of one."
                : singularReaderLoses
                    ? "The field changed between singular and repeated numeric: the repeated side writes it packed, which a singular reader does not parse as its value (it is lost)."
                    : "The field changed between singular and repeated numeric, written unpacked: a singular reader keeps the last element, a repeated reader sees a list of one.",
            singularReaderLoses ? $"a record whose {@new.Name} holds [1, 2] written packed" : null);
    }

    private static bool Packed(ProtoField field, ProtobufParsedSchema schema) =>
        field.Option("packed") is { } packed ? packed.Value.Text == "true" : schema.File.IsProto3;

    private static string Describe(ProtoField field)
    {
        var label = field.Label == ProtoLabel.None ? "" : field.Label.ToString().ToLowerInvariant() + " ";
        var type = field.MapKey is { } key ? $"map<{key.Name}, {field.Type.Name}>" : field.Type.Name;
        return $"{label}{type} {field.Name} = {field.Number}";
    }
}
