namespace SchemaRegistry.Ui.Tests.Harness;

public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (SchemaRegistry.sln) was not found above " + AppContext.BaseDirectory);
    }
}
