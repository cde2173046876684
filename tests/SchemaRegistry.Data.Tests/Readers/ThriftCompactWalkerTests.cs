using System.Buffers.Binary;
using Parquet;
using Parquet.Schema;
using SchemaRegistry.Data.Readers;

namespace SchemaRegistry.Data.Tests.Readers;

public sealed class ThriftCompactWalkerTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x15, 0x04, 0x00 })]
    [InlineData(new byte[] { 0x18, 0x03, (byte)'a', (byte)'b', (byte)'c', 0x00 })]
    [InlineData(new byte[] { 0x11, 0x12, 0x00 })]
    [InlineData(new byte[] { 0x19, 0x21, 0x01, 0x02, 0x00 })]
    [InlineData(new byte[] { 0x1C, 0x15, 0x02, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x05, 0x28, 0x02, 0x00 })]
    [InlineData(new byte[] { 0x1B, 0x01, 0x55, 0x02, 0x04, 0x00 })]
    public void Well_formed_structs_pass(byte[] data)
    {
        Assert.True(ThriftCompactWalker.IsWellFormedStruct(data));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x15, 0x04 })]
    [InlineData(new byte[] { 0x15, 0x84 })]
    [InlineData(new byte[] { 0x18, 0x05, (byte)'a', 0x00 })]
    [InlineData(new byte[] { 0x19, 0xF1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00 })]
    [InlineData(new byte[] { 0x1B, 0x7F, 0x11, 0x00 })]
    [InlineData(new byte[] { 0x1E, 0x00 })]
    [InlineData(new byte[] { 0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00 })]
    public void Truncated_or_impossible_structs_fail(byte[] data)
    {
        Assert.False(ThriftCompactWalker.IsWellFormedStruct(data));
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = Enumerable.Repeat((byte)0x1C, 100).Concat(Enumerable.Repeat((byte)0x00, 101)).ToArray();

        Assert.False(ThriftCompactWalker.IsWellFormedStruct(deep));
    }

    [Fact]
    public async Task A_real_footer_passes()
    {
        var stream = new MemoryStream();
        var field = new DataField<int>("id");
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream, null, false, CancellationToken.None))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(field, new[] { 1, 2, 3 }, null, null, CancellationToken.None);
        }
        var bytes = stream.ToArray();
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));

        Assert.True(ThriftCompactWalker.IsWellFormedStruct(bytes.AsSpan(bytes.Length - 8 - footerLength, footerLength)));
    }

    [Fact]
    public async Task A_footer_that_parquet_net_would_decode_forever_is_refused()
    {
        // Found by the corruption test: these bytes over the footer's end (its last string and stop byte) make
        // Parquet.Net 6.1's ParquetReader.CreateAsync spin without end.
        var field = new DataField<string>("name", nullable: true);
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream, null, false, CancellationToken.None))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(field, ["a", null!], null);
        }
        var bytes = stream.ToArray();
        new byte[] { 0x62, 0x36, 0x56, 0xE6 }.CopyTo(bytes, bytes.Length - 12);

        var open = Task.Run(() => ParquetRecordReader.OpenAsync(new MemoryStream(bytes)));

        await Assert.ThrowsAsync<ParquetFormatException>(() => open.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
