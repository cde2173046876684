using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Resolvers;
using SchemaRegistry.JsonSchema.Suite;
using SchemaRegistry.JsonSchema.Tests.Suite;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>
/// Mangled schemas and instances (truncated, with bytes flipped, from every case of the official suite) end in a
/// compile error or a verdict, never in any other exception. Bounded and seeded, so every run tries the same inputs.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Drafts => ["draft2020-12", "draft7"];

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Mangled_schemas_and_instances_never_escape_as_unexpected_exceptions(string draft)
    {
        var random = new Random(20261123);
        var resolver = new DirectoryResolver(SuiteRunner.RemotesPrefix, SuiteLocation.Remotes);
        var options = new JsonSchemaOptions { Resolver = resolver, DefaultDialect = draft == "draft7" ? Dialect.Draft7 : Dialect.Draft202012 };
        var checkedInstances = 0;
        foreach (var file in SuiteRunner.Files(SuiteLocation.Tests(draft), optional: false))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var testCase in document.RootElement.EnumerateArray())
            {
                var schemaText = testCase.GetProperty("schema").GetRawText();
                foreach (var mangled in Mangle(schemaText, random, 3))
                {
                    try
                    {
                        CompiledSchema.Compile(mangled, options);
                    }
                    catch (SchemaCompileException)
                    {
                    }
                }
                var schema = CompiledSchema.Compile(testCase.GetProperty("schema"), options);
                foreach (var test in testCase.GetProperty("tests").EnumerateArray())
                {
                    foreach (var mangled in Mangle(test.GetProperty("data").GetRawText(), random, 4))
                    {
                        var bytes = Encoding.UTF8.GetBytes(mangled);
                        var fast = schema.IsValid(bytes);
                        var full = schema.Evaluate(bytes);
                        Assert.Equal(fast, full.Valid);
                        checkedInstances++;
                    }
                }
            }
        }
        Assert.True(checkedInstances > 1000, $"only {checkedInstances} instances were tried");
    }

    private static IEnumerable<string> Mangle(string text, Random random, int count)
    {
        const string noise = "{}[]\",:0-e.\\ntfu";
        for (var i = 0; i < count; i++)
        {
            var chars = text.ToCharArray();
            if (chars.Length == 0)
            {
                yield return text;
                continue;
            }
            switch (random.Next(3))
            {
                case 0:
                    yield return text[..random.Next(chars.Length)];
                    break;
                case 1:
                    chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
                    yield return new string(chars);
                    break;
                default:
                    var at = random.Next(chars.Length);
                    yield return text[..at] + noise[random.Next(noise.Length)] + text[at..];
                    break;
            }
        }
    }
}
