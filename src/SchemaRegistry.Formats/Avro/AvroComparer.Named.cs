using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Avro;

internal sealed partial class AvroComparer
{
    private void Named(AvroNamed o, AvroNamed n, AvroPath path)
    {
        if (!active.Add((o, n)))
        {
            return;
        }
        if (o.FullName != n.FullName)
        {
            var backward = AvroResolution.NamesMatch(n, o);
            var forward = AvroResolution.NamesMatch(o, n);
            Add(ChangeKind.TypeRenamed, path.Then("/name"), JsonText.Quote(o.FullName), JsonText.Quote(n.FullName), backward, forward,
                (backward, forward) switch
                {
                    (true, true) => "The named type moved to another namespace; Avro matches named types by their unqualified name.",
                    (true, false) => $"The {o.Kind} was renamed; the new schema lists the old name as an alias, so it reads old data, but a reader with the old schema does not know the new name.",
                    (false, true) => $"The {o.Kind} was renamed back to a name the old schema lists as an alias: the new schema does not read old data.",
                    _ => $"The {o.Kind} was renamed without an alias: Avro cannot match {o.FullName} with {n.FullName} in either direction.",
                },
                AvroSampler.Sample(backward ? n : o));
        }
        if (!o.Aliases.Order(StringComparer.Ordinal).SequenceEqual(n.Aliases.Order(StringComparer.Ordinal)))
        {
            Add(ChangeKind.AliasesChanged, path.Then("/aliases"), Names(o.Aliases), Names(n.Aliases), true, true,
                "The aliases changed; they only let a reader match names that differ, which no other change here relies on.");
        }
        Doc(o.Doc, n.Doc, path);
        switch (o, n)
        {
            case (AvroRecord or, AvroRecord nr):
                Fields(or, nr, path);
                break;
            case (AvroEnum oe, AvroEnum ne):
                Symbols(oe, ne, path);
                break;
            case (AvroFixed of, AvroFixed nf) when of.Size != nf.Size:
                Add(ChangeKind.FixedSizeChanged, path.Then("/size"), of.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    nf.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), false, false,
                    $"The size of fixed {nf.FullName} changed from {of.Size} to {nf.Size} bytes; Avro reads a fixed only with the same size.",
                    AvroSampler.Sample(of));
                break;
        }
        active.Remove((o, n));
    }

    private void Symbols(AvroEnum o, AvroEnum n, AvroPath path)
    {
        var newSymbols = n.Symbols.ToHashSet(StringComparer.Ordinal);
        var oldSymbols = o.Symbols.ToHashSet(StringComparer.Ordinal);
        foreach (var symbol in o.Symbols.Where(s => !newSymbols.Contains(s)))
        {
            var backward = n.Default is not null;
            Add(ChangeKind.EnumValueRemoved, path.Then("/symbols/" + symbol), JsonText.Quote(symbol), null, backward, true,
                backward
                    ? $"The symbol {symbol} was removed; a reader with the new schema reads it as the enum's default {n.Default}."
                    : $"The symbol {symbol} was removed and the new enum has no default: old data holding {symbol} cannot be read with the new schema.",
                JsonText.Quote(symbol));
        }
        foreach (var symbol in n.Symbols.Where(s => !oldSymbols.Contains(s)))
        {
            var forward = o.Default is not null;
            Add(ChangeKind.EnumValueAdded, path.Then("/symbols/" + symbol), null, JsonText.Quote(symbol), true, forward,
                forward
                    ? $"The symbol {symbol} was added; a reader with the old schema reads it as the old enum's default {o.Default}."
                    : $"The symbol {symbol} was added and the old enum has no default: a reader with the old schema cannot read new data holding {symbol}.",
                JsonText.Quote(symbol));
        }
        if (o.Default != n.Default)
        {
            Add(ChangeKind.DefaultChanged, path.Then("/default"), Quoted(o.Default), Quoted(n.Default), true, true,
                "The enum's default changed; it is used only for a writer's symbol the reader lacks, which the symbol changes above account for.");
        }
    }

    private void Logical(AvroType o, AvroType n, AvroPath path)
    {
        if (o.LogicalType == n.LogicalType && o.Precision == n.Precision && o.Scale == n.Scale)
        {
            return;
        }
        bool backward, forward;
        string reason;
        if (o.LogicalType is null || n.LogicalType is null)
        {
            (backward, forward) = (true, true);
            reason = $"The logical type {(o.LogicalType is null ? "was added" : "was removed")}; it annotates the same encoded {n.Kind}, so data reads both ways (a reader without it sees the underlying value).";
        }
        else if (o.LogicalType == "decimal" && n.LogicalType == "decimal" && o.Scale == n.Scale)
        {
            (backward, forward) = (n.Precision >= o.Precision, n.Precision <= o.Precision);
            reason = backward
                ? "The decimal's precision grew: every old value fits the new one, but new values may not fit the old precision."
                : "The decimal's precision shrank: old values may not fit the new precision.";
        }
        else
        {
            (backward, forward) = (false, false);
            reason = o.LogicalType == n.LogicalType
                ? "The decimal's scale changed: the same encoded digits would be read as another number."
                : $"The logical type changed from {o.LogicalType} to {n.LogicalType}: the encoded value would be read with another meaning.";
        }
        Add(ChangeKind.LogicalTypeChanged, path.Then("/logicalType"), LogicalText(o), LogicalText(n), backward, forward, reason,
            backward ? AvroSampler.Sample(n) : AvroSampler.Sample(o));
    }

    private void Properties(IReadOnlyDictionary<string, string> o, IReadOnlyDictionary<string, string> n, AvroPath path)
    {
        if (o.Count == 0 && n.Count == 0)
        {
            return;
        }
        foreach (var key in o.Keys.Union(n.Keys).Order(StringComparer.Ordinal))
        {
            var before = o.GetValueOrDefault(key);
            var after = n.GetValueOrDefault(key);
            if (before != after)
            {
                Add(ChangeKind.CustomAttributeChanged, path.Then("/" + key), before, after, true, true,
                    $"The attribute '{key}' is not part of Avro's resolution rules; data reads both ways (tools that read it may behave differently).");
            }
        }
    }

    private void Doc(string? o, string? n, AvroPath path)
    {
        if (o != n)
        {
            Add(ChangeKind.DescriptionChanged, path.Then("/doc"), Quoted(o), Quoted(n), true, true, "Documentation does not affect data.");
        }
    }

    private static string? Quoted(string? text) => text is null ? null : JsonText.Quote(text);

    private static string Names(IEnumerable<string> names) => "[" + string.Join(",", names.Select(JsonText.Quote)) + "]";

    private static string? LogicalText(AvroType type) => type.LogicalType is null ? null
        : type.LogicalType == "decimal" ? JsonText.Quote($"decimal({type.Precision},{type.Scale})") : JsonText.Quote(type.LogicalType);
}
