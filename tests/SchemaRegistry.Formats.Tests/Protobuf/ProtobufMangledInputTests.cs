using SchemaRegistry.Formats.Protobuf;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>Seeded mangling of every schema of the compatibility table: each result is a verdict, never an exception.</summary>
public sealed class ProtobufMangledInputTests
{
    private const string Alphabet = "{}[]()<>;,=.:'\"/*\\-+ \n0123456789xXeEabmtop_";

    private static readonly string[] Words = ["message", "enum", "oneof", "map<", "repeated", "required", "optional", "reserved", "to max", "extend", "import \"x.proto\";", "option (a).b = {", "syntax = \"proto2\";", "group", "stream", "1.2.3", "0x", "09", "\\x", "\\u12"];

    [Fact]
    public void Mangled_schemas_are_refused_with_a_catalog_code_or_accepted_and_then_normalise_and_compare_cleanly()
    {
        var random = new Random(18);
        var texts = ProtoCompatCases.All.SelectMany(@case => new[] { @case.Old, @case.New }).Distinct().ToList();
        var refused = 0;
        foreach (var text in texts)
        {
            for (var round = 0; round < 30; round++)
            {
                var mangled = Mangle(text, random);
                var result = Proto.Format.Parse(mangled, new Dictionary<string, string>());
                if (!result.IsValid)
                {
                    refused++;
                    Assert.All(result.Issues, issue => Assert.Contains(issue.Code, new[] { ErrorCode.PayloadInvalid, ErrorCode.ReferenceUnresolved }));
                    continue;
                }

                var schema = (ProtobufParsedSchema)result.Schema!;
                var canonical = Proto.Format.Normalise(schema);
                Assert.Equal(canonical, Proto.Format.Normalise(Proto.Parse(canonical)));
                Assert.Empty(Proto.Format.Compare(schema, schema).Changes);
            }
        }

        Assert.True(refused > texts.Count, $"only {refused} of {texts.Count * 30} mangled texts were refused; the mangling is too gentle to test anything");
    }

    private static string Mangle(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        return random.Next(4) switch
        {
            0 => text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)),
            1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()),
            2 => text.Insert(at, " " + Words[random.Next(Words.Length)] + " "),
            _ => text[..at],
        };
    }
}
