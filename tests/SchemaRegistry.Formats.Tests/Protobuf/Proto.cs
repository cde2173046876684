using SchemaRegistry.Core.Errors;
using SchemaRegistry.Formats.Protobuf;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>Parsing helpers for the Protobuf tests.</summary>
internal static class Proto
{
    public static readonly ProtobufFormat Format = new();

    public static ProtobufParsedSchema Parse(string text, IReadOnlyDictionary<string, string>? references = null)
    {
        var result = Format.Parse(text, references ?? new Dictionary<string, string>());
        Assert.True(result.IsValid, "expected the schema to parse: " + string.Join(" | ", result.Issues.Select(issue => $"{issue.Code} {issue.Message}")));
        return (ProtobufParsedSchema)result.Schema!;
    }

    public static Issue Refuse(string text, IReadOnlyDictionary<string, string>? references = null)
    {
        var result = Format.Parse(text, references ?? new Dictionary<string, string>());
        Assert.False(result.IsValid, "expected the schema to be refused");
        Assert.NotEmpty(result.Issues);
        return result.Issues[0];
    }
}
