using System.Globalization;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// A private folder for one request's spooled files, inside the <see cref="SpoolDirectory"/>, deleted on dispose.
/// The folder is created 0700 and its files 0600 from the start: they hold quarantined records.
/// </summary>
internal sealed class SpoolFolder : IDisposable
{
    /// <summary>Folders are named <c>spool-{process id}-{guid}</c>, so a start-up can tell a live process's from a crash's.</summary>
    public const string Prefix = "spool-";

    public SpoolFolder(string parent)
    {
        Path = System.IO.Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        SpoolDirectory.CreatePrivate(Path);
    }

    public string Path { get; }

    public string Records => File("records.ndjson");

    public string Manifest => File("manifest.ndjson");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public FileStream Create(string name)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 1 << 16,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(File(name), options);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: a later start-up removes it (SpoolDirectory.RemoveLeftovers).
        }
    }
}
