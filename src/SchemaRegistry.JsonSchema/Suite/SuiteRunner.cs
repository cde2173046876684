using System.Text.Json;
using SchemaRegistry.JsonSchema.Resolvers;

namespace SchemaRegistry.JsonSchema.Suite;

/// <summary>
/// Runs files in the official JSON Schema test suite format: each file holds cases of a schema and tests of data
/// with the expected validity. Remote references (<c>http://localhost:1234/…</c>) are served from a folder.
/// </summary>
public sealed class SuiteRunner(Dialect dialect, string? remotesDirectory)
{
    public static readonly Uri RemotesPrefix = new("http://localhost:1234/");

    private readonly ISchemaResolver? _resolver = remotesDirectory is null ? null : new DirectoryResolver(RemotesPrefix, remotesDirectory);

    /// <summary>Every test file under <paramref name="directory"/>; <c>optional/</c> only when asked.</summary>
    public static IReadOnlyList<string> Files(string directory, bool optional) =>
        Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => optional || !Path.GetRelativePath(directory, f).StartsWith("optional", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Format assertion follows the suite's convention: on for files under <c>optional/format</c>.</summary>
    public IReadOnlyList<SuiteCaseResult> RunFile(string file, string displayName)
    {
        var assertFormat = file.Replace('\\', '/').Contains("/optional/format", StringComparison.Ordinal);
        var options = new JsonSchemaOptions { DefaultDialect = dialect, Resolver = _resolver, AssertFormat = assertFormat };
        var results = new List<SuiteCaseResult>();
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var testCase in document.RootElement.EnumerateArray())
        {
            var caseName = testCase.GetProperty("description").GetString()!;
            CompiledSchema? schema = null;
            string? compileError = null;
            try
            {
                schema = CompiledSchema.Compile(testCase.GetProperty("schema"), options);
            }
            catch (SchemaCompileException e)
            {
                compileError = "compile error: " + e.Message;
            }
            foreach (var test in testCase.GetProperty("tests").EnumerateArray())
            {
                var testName = test.GetProperty("description").GetString()!;
                var expected = test.GetProperty("valid").GetBoolean();
                if (schema is null)
                {
                    results.Add(new SuiteCaseResult(displayName, caseName, testName, expected, null, compileError));
                    continue;
                }
                var data = JsonSerializer.SerializeToUtf8Bytes(test.GetProperty("data"));
                var fast = schema.IsValid(data);
                var detailed = schema.Evaluate(data);
                var error = fast != detailed.Valid
                    ? $"fast path says {fast}, output path says {detailed.Valid}"
                    : detailed.Valid || detailed.Errors.Count > 0 ? null : "invalid without errors";
                results.Add(new SuiteCaseResult(displayName, caseName, testName, expected, error is null ? fast : null, error));
            }
        }
        return results;
    }
}
