namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Where requests spool records to local disk (<c>Registry:SpoolDir</c>, default <c>{DataDir}/spool</c>): owner-only
/// (0700), and private to one server process, whose start-up removes what a crash left there.
/// </summary>
internal sealed class SpoolDirectory(string root)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Root { get; } = System.IO.Path.GetFullPath(root);

    public SpoolFolder CreateFolder()
    {
        CreatePrivate(Root);
        return new SpoolFolder(Root);
    }

    /// <summary>Creates the spool directory (owner-only, tightened if it exists) and empties it; returns how many leftovers went.</summary>
    public int RemoveLeftovers()
    {
        CreatePrivate(Root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, OwnerOnly);
        }
        var removed = 0;
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
            removed++;
        }
        return removed;
    }

    /// <summary>Creates a folder readable by its owner only from the start (not chmod-ed after, so never briefly open).</summary>
    public static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnly);
    }
}
