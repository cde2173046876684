namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>Files of the checkout the tests run from (the README, for one).</summary>
public static class RepositoryFiles
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".ci")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new InvalidOperationException($"No checkout above {AppContext.BaseDirectory}.");
    }
}
