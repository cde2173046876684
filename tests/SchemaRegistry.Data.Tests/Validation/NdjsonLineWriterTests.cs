using System.Text;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Data.Tests.Validation;

public sealed class NdjsonLineWriterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<bool> Asynchronous => [false, true];

    [Theory]
    [MemberData(nameof(Asynchronous))]
    public async Task Every_line_reaches_the_file_in_order_short_ones_and_ones_longer_than_a_chunk(bool asynchronous)
    {
        var lines = Enumerable.Range(0, 2_000)
            .Select(i => Encoding.UTF8.GetBytes($"{{\"n\":{i},\"s\":\"{new string('é', i % 250 == 0 ? 70_000 : i % 40)}\"}}"))
            .ToList();
        var path = Path.Combine(_folder.Path, "lines.ndjson");
        await using (var stream = asynchronous
            ? new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous)
            : DataFiles.Create(path))
        {
            using var writer = new NdjsonLineWriter(stream);
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line, CancellationToken.None);
            }
            await writer.FlushAsync(CancellationToken.None);
            // Flushed means on its way to the file before the stream is closed.
            Assert.Equal(lines.Sum(l => l.Length + 1L), new FileInfo(path).Length);
        }

        var expected = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        Assert.Equal(expected, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Nothing_reaches_the_stream_until_a_chunk_fills_or_the_writer_is_flushed()
    {
        using var stream = new MemoryStream();
        using var writer = new NdjsonLineWriter(stream);
        await writer.WriteLineAsync("{\"a\":1}"u8.ToArray(), CancellationToken.None);
        Assert.Equal(0, stream.Length);

        await writer.FlushAsync(CancellationToken.None);
        Assert.Equal("{\"a\":1}\n", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
