namespace SchemaRegistry.Server.Pipelines;

/// <summary>A private temporary folder for one request's spooled files, deleted on dispose.</summary>
internal sealed class SpoolFolder : IDisposable
{
    public SpoolFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "schemareg-spool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Records => File("records.ndjson");

    public string Manifest => File("manifest.ndjson");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public FileStream Create(string name) =>
        new(File(name), FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.Asynchronous);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the OS temp cleaner takes it.
        }
    }
}
