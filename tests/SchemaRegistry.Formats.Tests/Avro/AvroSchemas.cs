namespace SchemaRegistry.Formats.Tests.Avro;

/// <summary>Short spellings of the schemas the tables are written in.</summary>
internal static class AvroSchemas
{
    public const string Int = "\"int\"";
    public const string Long = "\"long\"";
    public const string Float = "\"float\"";
    public const string Dbl = "\"double\"";
    public const string Str = "\"string\"";
    public const string Bytes = "\"bytes\"";
    public const string Bool = "\"boolean\"";
    public const string Null = "\"null\"";

    /// <summary>A record <c>t.R</c> with the given fields; <see cref="Named"/> names it otherwise.</summary>
    public static string Rec(params string[] fields) => Named("R", fields);

    public static string Named(string name, params string[] fields) =>
        $$"""{"type":"record","name":"{{name}}","namespace":"t","fields":[{{string.Join(",", fields)}}]}""";

    public static string RecAliased(string name, string aliases, params string[] fields) =>
        $$"""{"type":"record","name":"{{name}}","namespace":"t","aliases":{{aliases}},"fields":[{{string.Join(",", fields)}}]}""";

    /// <summary>A field; <paramref name="defaultJson"/> is the default's JSON text when it has one.</summary>
    public static string F(string name, string type, string? defaultJson = null, string? aliases = null) =>
        "{\"name\":\"" + name + "\",\"type\":" + type
        + (defaultJson is null ? "" : ",\"default\":" + defaultJson)
        + (aliases is null ? "" : ",\"aliases\":" + aliases) + "}";

    public static string Union(params string[] branches) => "[" + string.Join(",", branches) + "]";

    public static string Enum(string symbols, string? defaultSymbol = null, string name = "E") =>
        $$"""{"type":"enum","name":"{{name}}","namespace":"t","symbols":{{symbols}}{{(defaultSymbol is null ? "" : ",\"default\":\"" + defaultSymbol + "\"")}}}""";

    public static string Fixed(int size, string name = "Hash") => $$"""{"type":"fixed","name":"{{name}}","namespace":"t","size":{{size}}}""";

    public static string Array(string items) => $$"""{"type":"array","items":{{items}}}""";

    public static string Map(string values) => $$"""{"type":"map","values":{{values}}}""";

    public static string Logical(string type, string logical) => $$"""{"type":{{type}},"logicalType":"{{logical}}"}""";

    public static string Decimal(int precision, int scale) =>
        $$"""{"type":"bytes","logicalType":"decimal","precision":{{precision}},"scale":{{scale}}}""";
}
