using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro;

namespace SchemaRegistry.Formats.Tests.Avro;

internal static class AvroTestFormat
{
    public static readonly AvroFormat Format = new();

    private static readonly Dictionary<string, string> NoReferences = [];

    public static AvroParsedSchema Parse(string text, IReadOnlyDictionary<string, string>? references = null)
    {
        var parse = Format.Parse(text, references ?? NoReferences);
        Assert.True(parse.IsValid, string.Join("; ", parse.Issues.Select(i => $"{i.Code} {i.Path}: {i.Message}")));
        return (AvroParsedSchema)parse.Schema!;
    }

    public static FormatParse Refused(string text, IReadOnlyDictionary<string, string>? references = null)
    {
        var parse = Format.Parse(text, references ?? NoReferences);
        Assert.False(parse.IsValid);
        Assert.NotEmpty(parse.Issues);
        return parse;
    }
}
