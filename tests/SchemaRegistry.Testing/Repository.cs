namespace SchemaRegistry.Testing;

/// <summary>The checkout these tests were built from (the folder of SchemaRegistry.sln) and its files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>A file or folder of the checkout, by its path from the root (<c>docs/roles.md</c>).</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SchemaRegistry.sln above {AppContext.BaseDirectory}.");
    }
}
