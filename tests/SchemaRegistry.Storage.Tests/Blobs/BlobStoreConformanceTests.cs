using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Blobs;

/// <summary>
/// What every blob store does the same way, run against each one (files on disk, S3 on s3rver): round trips of bytes
/// and streams, overwrites, ordinal listing by folder prefix. Each store's own class adds what only it can show
/// (files outside the root untouched; no request sent for an unsafe key, multipart uploads, paging).
/// </summary>
public abstract class BlobStoreConformanceTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A store of its own for this test, empty.</summary>
    protected abstract IBlobStore Blobs { get; }

    /// <summary>Keys no store accepts, for any operation: the union of the path tricks both stores refuse.</summary>
    public static TheoryData<string> UnsafeKeys() =>
    [
        "../x", "..", ".", "a/../../b", "a/../../b/c", "a/./b", "../root/a", "/etc/passwd", "a\\b", "..\\x", "a//b", "/a", "", "/",
        "%2e%2e", "%2e%2e/x", "a/%2E%2E/b", "a%2fb", "a?b", "a#b", "a\0b", "x\0", "a b", "ä", "a:b", "~", "a~b", new string('a', 201),
    ];

    [Fact]
    public async Task Put_then_get_list_and_delete_round_trip()
    {
        byte[] definition = Encoding.UTF8.GetBytes("""{"type":"object","title":"Ünïcødé"}""");
        byte[] binary = [0, 1, 2, 255, 0, 10, 13];
        await Blobs.PutAsync("schemas/sales/raw/orders/v1.0.json", definition, None);
        await Blobs.PutAsync("schemas/sales/raw/orders/v1.10.json", binary, None);
        await Blobs.PutAsync("schemas/sales/gdp/orders/v2.0.json", Array.Empty<byte>(), None);
        await Blobs.PutAsync("quarantine/item_1-a.bin", binary.AsMemory(2, 3), None);

        Assert.Equal(definition, await Blobs.GetAsync("schemas/sales/raw/orders/v1.0.json", None));
        Assert.Equal(binary, await Blobs.GetAsync("schemas/sales/raw/orders/v1.10.json", None));
        Assert.Equal(Array.Empty<byte>(), await Blobs.GetAsync("schemas/sales/gdp/orders/v2.0.json", None));
        Assert.Equal([2, 255, 0], await Blobs.GetAsync("quarantine/item_1-a.bin", None));
        Assert.Null(await Blobs.GetAsync("schemas/sales/raw/orders/v9.9.json", None));
        Assert.Null(await Blobs.GetAsync("nothing/here", None));
        Assert.Null(await Blobs.OpenReadAsync("nothing/here", None));
        await using (var read = await Blobs.OpenReadAsync("schemas/sales/raw/orders/v1.0.json", None))
        {
            Assert.NotNull(read);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(definition, copy.ToArray());
        }

        Assert.Equal(
            ["quarantine/item_1-a.bin", "schemas/sales/gdp/orders/v2.0.json", "schemas/sales/raw/orders/v1.0.json", "schemas/sales/raw/orders/v1.10.json"],
            await Blobs.ListAsync("", None));
        Assert.Equal(["schemas/sales/raw/orders/v1.0.json", "schemas/sales/raw/orders/v1.10.json"], await Blobs.ListAsync("schemas/sales/raw", None));
        Assert.Equal(
            ["schemas/sales/gdp/orders/v2.0.json", "schemas/sales/raw/orders/v1.0.json", "schemas/sales/raw/orders/v1.10.json"],
            await Blobs.ListAsync("schemas/", None));
        Assert.Empty(await Blobs.ListAsync("schemas/other", None));
        // A prefix is a folder: "schemas/sales/ra" is not "schemas/sales/raw".
        Assert.Empty(await Blobs.ListAsync("schemas/sales/ra", None));

        Assert.True(await Blobs.DeleteAsync("schemas/sales/raw/orders/v1.0.json", None));
        Assert.False(await Blobs.DeleteAsync("schemas/sales/raw/orders/v1.0.json", None));
        Assert.False(await Blobs.DeleteAsync("never/stored", None));
        Assert.Null(await Blobs.GetAsync("schemas/sales/raw/orders/v1.0.json", None));
        Assert.Equal(["schemas/sales/raw/orders/v1.10.json"], await Blobs.ListAsync("schemas/sales/raw", None));
    }

    [Fact]
    public async Task Put_overwrites_an_existing_blob_from_bytes_or_a_stream()
    {
        const string key = "schemas/sales/raw/orders/v1.0.json";
        await Blobs.PutAsync(key, Encoding.UTF8.GetBytes("first version, longer than the second"), None);

        await Blobs.PutAsync(key, Encoding.UTF8.GetBytes("second"), None);
        Assert.Equal("second"u8.ToArray(), await Blobs.GetAsync(key, None));

        await using (var third = new MemoryStream("third, from a stream"u8.ToArray()))
        {
            await Blobs.PutAsync(key, third, None);
        }
        Assert.Equal("third, from a stream"u8.ToArray(), await Blobs.GetAsync(key, None));
        Assert.Equal([key], await Blobs.ListAsync("", None));
    }

    /// <summary>Ordinal order ('-' &lt; '.' &lt; '/' &lt; letters), and a key that merely ends in ".tmp" is a blob like any other.</summary>
    [Fact]
    public async Task List_is_ordinal_and_hides_no_blob()
    {
        string[] keys = ["ab", "a/b-c/d", "a.b", "a-b/c", "A", "a/b", "quarantine/x.tmp", "quarantine/x.1.tmp"];
        foreach (var key in keys)
        {
            await Blobs.PutAsync(key, Encoding.UTF8.GetBytes(key), None);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), await Blobs.ListAsync("", None));
        Assert.Equal(["A", "a-b/c", "a.b", "a/b", "a/b-c/d", "ab", "quarantine/x.1.tmp", "quarantine/x.tmp"], await Blobs.ListAsync("", None));
        Assert.Equal(["a/b", "a/b-c/d"], await Blobs.ListAsync("a", None));
        Assert.Equal("quarantine/x.tmp"u8.ToArray(), await Blobs.GetAsync("quarantine/x.tmp", None));
    }

    [Fact]
    public async Task A_streamed_blob_of_unknown_length_reads_back_intact()
    {
        const long size = 3L * 1000 * 1000 + 7;
        await using (var source = new GeneratedStream(size, seed: 11))
        {
            await Blobs.PutAsync("quarantine/d/l/e/2025/10/07/jr-1/batch-000001.ndjson", source, None);
        }

        await using var read = await Blobs.OpenReadAsync("quarantine/d/l/e/2025/10/07/jr-1/batch-000001.ndjson", None);
        Assert.NotNull(read);
        await using var expected = new GeneratedStream(size, seed: 11);
        Assert.Equal(await SHA256.HashDataAsync(expected), await SHA256.HashDataAsync(read));
    }
}
