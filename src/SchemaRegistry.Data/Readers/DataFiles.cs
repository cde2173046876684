namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Local data and quarantine files as <c>data validate</c> and the SDK open them: synchronous FileStreams (see
/// <see cref="InlineIo"/>) with a 64 KB buffer, the source read sequentially.
/// </summary>
public static class DataFiles
{
    private const int BufferBytes = 1 << 16;

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);

    public static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferBytes, FileOptions.None);
}
