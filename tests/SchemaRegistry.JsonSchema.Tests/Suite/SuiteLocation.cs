namespace SchemaRegistry.JsonSchema.Tests.Suite;

/// <summary>Finds the official test suite in ../shared beside the repository (it is read there, never copied).</summary>
internal static class SuiteLocation
{
    public static string Root { get; } = Find();

    public static string Tests(string draft) => Path.Combine(Root, "tests", draft);

    public static string Remotes => Path.Combine(Root, "remotes");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "json-schema-test-suite"), Path.Combine(dir.FullName, "..", "shared", "json-schema-test-suite") })
            {
                if (Directory.Exists(Path.Combine(candidate, "tests")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }
        throw new DirectoryNotFoundException("The JSON Schema test suite was not found in shared/json-schema-test-suite beside the repository.");
    }
}
