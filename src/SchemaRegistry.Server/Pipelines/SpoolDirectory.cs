using System.Globalization;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Where requests spool records to local disk (<c>Registry:SpoolDir</c>, default <c>{DataDir}/spool</c>): owner-only
/// (0700), and emptied at start-up of what crashed processes left there (a folder of a process still running, such as
/// another server sharing the directory, is left alone).
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

    /// <summary>
    /// Creates the spool directory (owner-only, tightened if it exists) and removes what crashed processes left in it:
    /// everything but the folders of other processes still running. Returns how many entries went.
    /// </summary>
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
            if (entry is DirectoryInfo folder && OwnedByAnotherLiveProcess(folder.Name))
            {
                continue;
            }
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
            removed++;
        }
        return removed;
    }

    private static bool OwnedByAnotherLiveProcess(string name)
    {
        if (!name.StartsWith(SpoolFolder.Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = name[SpoolFolder.Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }
        return Storage.LocalProcess.IsRunning(pid);
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
