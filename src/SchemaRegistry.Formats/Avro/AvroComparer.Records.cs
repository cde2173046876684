using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Avro;

internal sealed partial class AvroComparer
{
    private void Fields(AvroRecord o, AvroRecord n, AvroPath path)
    {
        var newByName = n.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var oldNames = o.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        // The examples are whole records; sampling one costs a walk over it, so it is done once per record and only when needed.
        var oldSample = new Lazy<string?>(() => AvroSampler.Sample(o));
        var newSample = new Lazy<string?>(() => AvroSampler.Sample(n));
        foreach (var field in o.Fields)
        {
            if (newByName.TryGetValue(field.Name, out var same))
            {
                matched.Add(same.Name);
                Field(field, same, path.Field(same.Name));
                continue;
            }
            var renamed = n.Fields.Find(f => !oldNames.Contains(f.Name) && !matched.Contains(f.Name) && f.Aliases.Contains(field.Name))
                ?? n.Fields.Find(f => !oldNames.Contains(f.Name) && !matched.Contains(f.Name) && field.Aliases.Contains(f.Name));
            if (renamed is not null)
            {
                matched.Add(renamed.Name);
                Renamed(field, renamed, path, oldSample, newSample);
                continue;
            }
            Add(ChangeKind.FieldRemoved, path.Field(field.Name), Json(field.Type), null, true, field.HasDefault,
                field.HasDefault
                    ? $"The field '{field.Name}' was removed; a reader with the old schema uses its default {field.Default} for new data."
                    : $"The field '{field.Name}' was removed and has no default in the old schema: a reader with the old schema cannot read new data, which lacks it.",
                field.HasDefault ? null : newSample.Value);
        }
        foreach (var field in n.Fields.Where(f => !matched.Contains(f.Name)))
        {
            Add(ChangeKind.FieldAdded, path.Field(field.Name), null, Json(field.Type), field.HasDefault, true,
                field.HasDefault
                    ? $"The field '{field.Name}' was added with the default {field.Default}, which a reader with the new schema uses for old data."
                    : $"The field '{field.Name}' was added without a default: a reader with the new schema cannot read old data, which lacks it.",
                field.HasDefault ? null : oldSample.Value);
        }
    }

    private void Renamed(AvroField o, AvroField n, AvroPath path, Lazy<string?> oldSample, Lazy<string?> newSample)
    {
        var at = path.Field(n.Name);
        var backward = n.Aliases.Contains(o.Name) || n.HasDefault;
        var forward = o.Aliases.Contains(n.Name) || o.HasDefault;
        var how = n.Aliases.Contains(o.Name)
            ? $"the new field lists '{o.Name}' as an alias, so a reader with the new schema reads old data"
            : n.HasDefault ? "a reader with the new schema uses the new field's default for old data" : "a reader with the new schema cannot read old data (no alias, no default)";
        var back = o.Aliases.Contains(n.Name)
            ? $"the old field lists '{n.Name}' as an alias"
            : o.HasDefault ? "a reader with the old schema uses the old field's default for new data" : "a reader with the old schema does not know the new name (aliases are the reader's) and the old field has no default";
        Add(ChangeKind.FieldRenamed, at, JsonText.Quote(o.Name), JsonText.Quote(n.Name), backward, forward,
            $"The field '{o.Name}' was renamed '{n.Name}': {how}; {back}.", !backward ? oldSample.Value : newSample.Value);
        Node(o.Type, n.Type, at);
    }

    private void Field(AvroField o, AvroField n, AvroPath path)
    {
        Node(o.Type, n.Type, path);
        if (o.Default != n.Default)
        {
            Add(ChangeKind.DefaultChanged, path.Then("/default"), o.Default, n.Default, true, true,
                o.Default is null ? "A default was added; defaults are used only when the writer lacks the field, and both versions have it."
                : n.Default is null ? "The default was removed; defaults are used only when the writer lacks the field, and both versions have it (a later version that drops the field relies on it)."
                : "The default changed; defaults are used only when the writer lacks the field, and both versions have it.");
        }
        if (!o.Aliases.Order(StringComparer.Ordinal).SequenceEqual(n.Aliases.Order(StringComparer.Ordinal)))
        {
            Add(ChangeKind.AliasesChanged, path.Then("/aliases"), Names(o.Aliases), Names(n.Aliases), true, true,
                "The field's aliases changed; the field keeps its name, so both versions match it directly.");
        }
        if (o.Order != n.Order)
        {
            Add(ChangeKind.SortOrderChanged, path.Then("/order"), Quoted(o.Order ?? "ascending"), Quoted(n.Order ?? "ascending"), true, true,
                "The sort order only changes how binary data is compared, not how it is read.");
        }
        Doc(o.Doc, n.Doc, path);
        Properties(o.Properties, n.Properties, path);
    }
}
