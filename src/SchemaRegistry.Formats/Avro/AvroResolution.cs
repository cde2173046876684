namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// The specification's "Schema Resolution" rules: whether a reader with one schema can read every datum written with
/// another. Logical types are not part of these rules (the specification resolves the underlying types); the comparer
/// judges them separately.
/// </summary>
internal static class AvroResolution
{
    /// <summary>Writer type → the reader types it is promoted to.</summary>
    private static readonly Dictionary<string, string[]> Promotions = new(StringComparer.Ordinal)
    {
        ["int"] = ["long", "float", "double"],
        ["long"] = ["float", "double"],
        ["float"] = ["double"],
        ["string"] = ["bytes"],
        ["bytes"] = ["string"],
    };

    public static bool Promotes(string writerKind, string readerKind) =>
        Promotions.TryGetValue(writerKind, out var targets) && targets.Contains(readerKind);

    /// <summary>Named types match when their unqualified names are equal or the reader lists the writer's full name as an alias.</summary>
    public static bool NamesMatch(AvroNamed reader, AvroNamed writer) =>
        reader.Name == writer.Name || reader.Aliases.Contains(writer.FullName);

    /// <summary>The specification's "match" of two non-union schemas, which selects a union branch; items, values and fields are not looked at.</summary>
    public static bool Matches(AvroType reader, AvroType writer) => (reader, writer) switch
    {
        (AvroRecord r, AvroRecord w) => NamesMatch(r, w),
        (AvroEnum r, AvroEnum w) => NamesMatch(r, w),
        (AvroFixed r, AvroFixed w) => NamesMatch(r, w) && r.Size == w.Size,
        (AvroArray, AvroArray) or (AvroMap, AvroMap) => true,
        (AvroPrimitive r, AvroPrimitive w) => r.Kind == w.Kind || Promotes(w.Kind, r.Kind),
        _ => false,
    };

    /// <summary>Every datum written with <paramref name="writer"/> can be read with <paramref name="reader"/>.</summary>
    public static bool Reads(AvroType reader, AvroType writer) => Reads(reader, writer, new HashSet<(AvroType, AvroType)>(ReferencePairComparer.Instance));

    private static bool Reads(AvroType reader, AvroType writer, HashSet<(AvroType, AvroType)> assumed)
    {
        if (writer is AvroUnion writerUnion)
        {
            return writerUnion.Branches.All(branch => Reads(reader, branch, assumed));
        }
        if (reader is AvroUnion readerUnion)
        {
            return readerUnion.Branches.Any(branch => Matches(branch, writer) && Reads(branch, writer, assumed));
        }
        if (!Matches(reader, writer))
        {
            return false;
        }
        // A pair already being checked further up holds unless proven otherwise there (recursive types).
        if (reader is AvroNamed && !assumed.Add((reader, writer)))
        {
            return true;
        }
        return (reader, writer) switch
        {
            (AvroRecord r, AvroRecord w) => r.Fields.All(field =>
                FieldOf(w, field) is { } written ? Reads(field.Type, written.Type, assumed) : field.HasDefault),
            (AvroEnum r, AvroEnum w) => r.Default is not null || w.Symbols.All(r.Symbols.Contains),
            (AvroArray r, AvroArray w) => Reads(r.Items, w.Items, assumed),
            (AvroMap r, AvroMap w) => Reads(r.Values, w.Values, assumed),
            _ => true,
        };
    }

    /// <summary>The writer's field that a reader's field reads: the same name, else one of the reader field's aliases.</summary>
    public static AvroField? FieldOf(AvroRecord writer, AvroField readerField) =>
        writer.Fields.Find(f => f.Name == readerField.Name) ?? writer.Fields.Find(f => readerField.Aliases.Contains(f.Name));
}
