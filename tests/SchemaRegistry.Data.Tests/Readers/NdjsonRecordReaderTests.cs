using System.Text;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Tests.Readers;

public sealed class NdjsonRecordReaderTests
{
    [Fact]
    public async Task Records_are_numbered_by_line_and_blank_lines_are_skipped_but_counted()
    {
        var records = await ReadAsync("{\"a\":1}\n\n   \n\t\r\n{\"b\":2}\n");

        Assert.Equal([(1L, "{\"a\":1}"), (5L, "{\"b\":2}")], records);
    }

    [Fact]
    public async Task Crlf_line_ends_are_stripped()
    {
        var records = await ReadAsync("{\"a\":1}\r\n{\"b\":\"x\\r\"}\r\n");

        Assert.Equal([(1L, "{\"a\":1}"), (2L, "{\"b\":\"x\\r\"}")], records);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped_only_at_the_very_start()
    {
        var records = await ReadAsync("\uFEFF{\"a\":1}\n\uFEFF{\"b\":2}\n");

        Assert.Equal([(1L, "{\"a\":1}"), (2L, "\uFEFF{\"b\":2}")], records);
    }

    [Fact]
    public async Task The_last_line_needs_no_newline()
    {
        var records = await ReadAsync("{\"a\":1}\n{\"b\":2}");

        Assert.Equal([(1L, "{\"a\":1}"), (2L, "{\"b\":2}")], records);
    }

    [Fact]
    public async Task Lines_are_passed_on_unparsed()
    {
        var records = await ReadAsync("not json\n {\"a\": [1, 2 } \n");

        Assert.Equal([(1L, "not json"), (2L, " {\"a\": [1, 2 } ")], records);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public async Task A_source_without_records_reads_as_empty(string text)
    {
        Assert.Empty(await ReadAsync(text));
    }

    [Fact]
    public async Task Records_split_anywhere_across_reads_and_buffer_boundaries_match_a_naive_split()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 40; round++)
        {
            var text = new StringBuilder();
            var lineCount = random.Next(0, 60);
            for (var i = 0; i < lineCount; i++)
            {
                var kind = random.Next(10);
                text.Append(kind switch
                {
                    0 => "",
                    1 => "  \t",
                    _ => $"{{\"v\":\"{new string((char)('a' + random.Next(26)), random.Next(0, 90))}é\"}}",
                });
                text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
            }
            if (random.Next(2) == 0)
            {
                text.Append("{\"last\":true}");
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            var expected = NaiveSplit(text.ToString());

            await using var reader = new NdjsonRecordReader(
                new ChunkedStream(bytes, seed: round, maxChunk: 13),
                targetBytes: random.Next(1, 300),
                maxRecordBytes: 1000,
                bufferBytes: random.Next(1, 24));
            var records = await Records.ReadAllAsync(reader, blockCapacity: 16);

            Assert.Equal(expected, records);
        }
    }

    [Fact]
    public async Task A_line_over_the_limit_throws_with_its_number_and_the_limit()
    {
        var text = "{\"a\":1}\n\n" + "{\"long\":\"" + new string('x', 200) + "\"}\n{\"b\":2}\n";
        await using var reader = new NdjsonRecordReader(
            new ChunkedStream(Encoding.UTF8.GetBytes(text), seed: 1, maxChunk: 64), maxRecordBytes: 100);
        var block = new RecordBlock(1024);

        var exception = await Assert.ThrowsAsync<RecordTooLargeException>(async () =>
        {
            while (await reader.ReadAsync(block, CancellationToken.None))
            {
            }
        });

        Assert.Equal(3, exception.RecordNumber);
        Assert.Equal(100, exception.LimitBytes);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_not_buffered_whole()
    {
        // 64 MiB without a newline: the reader must give up near the limit, not read it all in.
        var stream = new GeneratedNoNewlineStream(64L << 20);
        await using var reader = new NdjsonRecordReader(stream, maxRecordBytes: 1 << 20);

        await Assert.ThrowsAsync<RecordTooLargeException>(async () => await reader.ReadAsync(new RecordBlock(), CancellationToken.None));

        Assert.True(stream.BytesRead < 3 << 20, $"read {stream.BytesRead} bytes");
        Assert.True(reader.BufferCapacity <= 4 << 20, $"buffer grew to {reader.BufferCapacity} bytes");
    }

    [Fact]
    public async Task A_line_exactly_at_the_limit_is_accepted_even_with_crlf()
    {
        var line = "\"" + new string('x', 98) + "\"";
        var records = await ReadAsync(line + "\r\n" + line, maxRecordBytes: 100);

        Assert.Equal([(1L, line), (2L, line)], records);
    }

    [Fact]
    public async Task A_large_generated_stream_is_read_with_bounded_memory()
    {
        const long lines = 750_000;
        var stream = new GeneratedLinesStream(lines);
        await using var reader = new NdjsonRecordReader(stream, targetBytes: 1 << 20);
        var block = new RecordBlock(1 << 20);
        long count = 0;
        long lastNumber = 0;
        while (await reader.ReadAsync(block, CancellationToken.None))
        {
            // The block's buffer only grows when the bytes in use outgrow it: bounding them bounds it.
            Assert.InRange(block.Length, 1, (1 << 20) + 256);
            count += block.Count;
            lastNumber = block.Records[^1].Number;
        }

        Assert.Equal(lines, count);
        Assert.Equal(lines, lastNumber);
        Assert.True(stream.BytesRead > 50_000_000, $"only {stream.BytesRead} bytes generated");
        Assert.True(reader.BufferCapacity <= 1 << 20, $"read buffer grew to {reader.BufferCapacity} bytes");
    }

    private static async Task<List<(long, string)>> ReadAsync(string text, int maxRecordBytes = 1 << 20)
    {
        await using var reader = new NdjsonRecordReader(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), maxRecordBytes: maxRecordBytes);
        return await Records.ReadAllAsync(reader);
    }

    private static List<(long, string)> NaiveSplit(string text)
    {
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var records = new List<(long, string)>();
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (!string.IsNullOrWhiteSpace(line))
            {
                records.Add((i + 1, line));
            }
        }
        return records;
    }

    /// <summary>An endless-looking line: <c>x</c> repeated, no newline.</summary>
    private sealed class GeneratedNoNewlineStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - BytesRead);
            buffer[..count].Fill((byte)'x');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
