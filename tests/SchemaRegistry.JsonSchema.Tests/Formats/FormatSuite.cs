using System.Collections.Concurrent;
using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Tests.Formats;

/// <summary>Reads the official JSON Schema test suite from ../shared at test time (it is never copied into the repository).</summary>
internal static class FormatSuite
{
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new(StringComparer.Ordinal);

    public static string Root => Suite.SuiteLocation.Root;

    /// <summary>Paths relative to the suite's tests/ folder, e.g. draft7/optional/format/date.json.</summary>
    public static IEnumerable<string> FilesUnder(string relativeFolder, string searchPattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests", relativeFolder), searchPattern)
            .Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(Path.Combine(Root, "tests"), path).Replace('\\', '/'));

    public static JsonElement Load(string relativeFile) =>
        Files.GetOrAdd(relativeFile, static file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "tests", file)));
            return document.RootElement.Clone();
        });

    public static (JsonElement Schema, JsonElement Test) Find(string relativeFile, string description, string testDescription)
    {
        foreach (var group in Load(relativeFile).EnumerateArray())
        {
            if (group.GetProperty("description").GetString() != description)
            {
                continue;
            }
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                if (test.GetProperty("description").GetString() == testDescription)
                {
                    return (group.GetProperty("schema"), test);
                }
            }
        }
        throw new InvalidOperationException($"{relativeFile}: no test '{description}' / '{testDescription}'.");
    }
}
