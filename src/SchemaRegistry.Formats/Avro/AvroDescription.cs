namespace SchemaRegistry.Formats.Avro;

internal static class AvroDescription
{
    /// <summary>A short description of a type for reasons: <c>int</c>, <c>record com.acme.Customer</c>, <c>array of string</c>.</summary>
    public static string Of(AvroType type) => type switch
    {
        AvroNamed named => $"{named.Kind} {named.FullName}",
        AvroArray array => "array of " + Of(array.Items),
        AvroMap map => "map of " + Of(map.Values),
        AvroUnion union => "union [" + string.Join(", ", union.Branches.Select(b => b.Label)) + "]",
        _ when type.LogicalType is { } logical => $"{type.Kind} ({logical})",
        _ => type.Kind,
    };
}
