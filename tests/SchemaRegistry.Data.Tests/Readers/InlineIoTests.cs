using System.Text;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Data.Tests.Readers;

/// <summary>
/// The readers read synchronous FileStreams and memory streams in place and everything else asynchronously; both
/// ways must give the same records, whatever the line lengths against the read buffer.
/// </summary>
public sealed class InlineIoTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Synchronous_files_and_memory_complete_inline_asynchronous_files_and_other_streams_do_not()
    {
        var path = Path.Combine(_folder.Path, "a.ndjson");
        File.WriteAllText(path, "{}\n");
        using var synchronous = DataFiles.OpenRead(path);
        using var asynchronous = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        using var buffered = new BufferedStream(new MemoryStream());

        Assert.True(InlineIo.CompletesInline(synchronous));
        Assert.True(InlineIo.CompletesInline(new MemoryStream()));
        Assert.False(InlineIo.CompletesInline(asynchronous));
        Assert.False(InlineIo.CompletesInline(buffered));
    }

    [Fact]
    public async Task A_synchronous_file_an_asynchronous_file_and_a_chunked_stream_read_the_same_records()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        var expected = new List<(long, string)>();
        for (var line = 1; line <= 3_000; line++)
        {
            // Lines from a few bytes to longer than the 4 KB read buffer, so records straddle every refill.
            var json = $"{{\"n\":{line},\"pad\":\"{new string('x', random.Next(0, line % 97 == 0 ? 9_000 : 300))}\"}}";
            text.Append(json).Append(line % 5 == 0 ? "\r\n" : "\n");
            expected.Add((line, json));
        }
        var path = Path.Combine(_folder.Path, "records.ndjson");
        await File.WriteAllTextAsync(path, text.ToString());

        await using (var synchronous = DataFiles.OpenRead(path))
        {
            Assert.Equal(expected, await ReadAsync(synchronous));
        }
        await using (var asynchronous = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
        {
            Assert.Equal(expected, await ReadAsync(asynchronous));
        }
        await using (var chunked = new ChunkedStream(await File.ReadAllBytesAsync(path), seed: 3, maxChunk: 1_000))
        {
            Assert.Equal(expected, await ReadAsync(chunked));
        }
    }

    [Fact]
    public async Task A_cancelled_token_stops_an_inline_read()
    {
        var path = Path.Combine(_folder.Path, "c.ndjson");
        await File.WriteAllTextAsync(path, "{\"a\":1}\n");
        await using var source = DataFiles.OpenRead(path);
        await using var reader = new NdjsonRecordReader(source);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(new RecordBlock(), cancelled.Token));
    }

    private static async Task<List<(long Number, string Json)>> ReadAsync(Stream stream)
    {
        await using var reader = new NdjsonRecordReader(stream, 16 * 1024, 1 << 20, 4096);
        return await Records.ReadAllAsync(reader);
    }
}
