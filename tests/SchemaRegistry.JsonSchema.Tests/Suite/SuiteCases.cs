using System.Collections.Concurrent;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Resolvers;
using SchemaRegistry.JsonSchema.Suite;

namespace SchemaRegistry.JsonSchema.Tests.Suite;

/// <summary>
/// One xUnit case per test of the suite, so the counts show in the test output; schemas are compiled once per case.
/// </summary>
internal static class SuiteCases
{
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new();
    private static readonly ConcurrentDictionary<(string, int), Lazy<CompiledSchema>> Schemas = new();

    public static IEnumerable<(string File, int Case, int Test, string Description)> Cases(string draft, Func<string, bool> include)
    {
        var root = SuiteLocation.Tests(draft);
        foreach (var file in SuiteRunner.Files(root, optional: true))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!include(relative))
            {
                continue;
            }
            var cases = Load(draft, relative);
            var caseIndex = 0;
            foreach (var testCase in cases.EnumerateArray())
            {
                var testIndex = 0;
                foreach (var test in testCase.GetProperty("tests").EnumerateArray())
                {
                    yield return (relative, caseIndex, testIndex++, $"{testCase.GetProperty("description").GetString()} / {test.GetProperty("description").GetString()}");
                }
                caseIndex++;
            }
        }
    }

    public static void Check(string draft, Dialect dialect, string file, int caseIndex, int testIndex)
    {
        var testCase = Load(draft, file)[caseIndex];
        var test = testCase.GetProperty("tests")[testIndex];
        var schema = Schemas.GetOrAdd((draft + "/" + file, caseIndex), _ => new Lazy<CompiledSchema>(() => CompiledSchema.Compile(
            testCase.GetProperty("schema"),
            new JsonSchemaOptions
            {
                DefaultDialect = dialect,
                AssertFormat = file.StartsWith("optional/format/", StringComparison.Ordinal),
                Resolver = new DirectoryResolver(SuiteRunner.RemotesPrefix, SuiteLocation.Remotes),
            }))).Value;
        var data = JsonSerializer.SerializeToUtf8Bytes(test.GetProperty("data"));
        var expected = test.GetProperty("valid").GetBoolean();
        var result = schema.Evaluate(data);
        Assert.True(expected == schema.IsValid(data), $"fast path: expected valid={expected}");
        Assert.True(expected == result.Valid, $"output path: expected valid={expected}; errors: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        Assert.True(result.Valid == (result.Errors.Count == 0), "an invalid result lists its errors, a valid one none");
    }

    private static JsonElement Load(string draft, string file) =>
        Files.GetOrAdd(draft + "/" + file, _ => JsonDocument.Parse(File.ReadAllText(Path.Combine(SuiteLocation.Tests(draft), file))).RootElement.Clone());
}
