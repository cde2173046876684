namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Streams whose reads and writes finish without waiting on anything worth giving the thread up for: a FileStream
/// opened without <see cref="FileOptions.Asynchronous"/> (on Linux its ReadAsync and WriteAsync only move the same
/// system call to a pool thread, at a cost per call larger than the call) and memory streams. For these the
/// readers and writers call Read and Write in place.
/// </summary>
internal static class InlineIo
{
    public static bool CompletesInline(Stream stream) =>
        stream is FileStream { IsAsync: false } or MemoryStream or UnmanagedMemoryStream;
}
