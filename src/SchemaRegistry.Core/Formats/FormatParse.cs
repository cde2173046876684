using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Core.Formats;

/// <summary>The outcome of <see cref="ISchemaFormat.Parse"/>: a schema, or the issues that refused it.</summary>
public sealed record FormatParse(ParsedSchema? Schema, IReadOnlyList<Issue> Issues)
{
    public static FormatParse Accepted(ParsedSchema schema) => new(schema, []);

    public static FormatParse Refused(IReadOnlyList<Issue> issues) => new(null, issues);

    public bool IsValid => Schema is not null;
}
