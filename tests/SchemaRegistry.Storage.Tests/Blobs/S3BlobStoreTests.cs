using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Blobs;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Storage.Tests.Blobs;

/// <summary>
/// The S3 blob store against a real S3-protocol server: s3rver on loopback, started by scripts/test (scripts/lib/s3.sh),
/// whose URL is in SCHEMAREG_TEST_S3. Every test works under its own top-level prefix of the shared bucket and removes
/// it afterwards, so tests and classes run in parallel without seeing each other's objects.
/// </summary>
public sealed class S3BlobStoreTests : BlobStoreConformanceTests, IAsyncLifetime
{
    private readonly string _run = "t-" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<S3BlobStore> _stores = [];
    private readonly S3BlobStore _store;
    private readonly AmazonS3Client _raw;

    public S3BlobStoreTests()
    {
        _store = Store($"{_run}/root");
        _raw = S3BlobSettings.Parse(TestS3.ServerUrl).CreateClient();
    }

    protected override IBlobStore Blobs => _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var all = new S3BlobStore(S3BlobSettings.Parse(TestS3.Url(_run)));
        foreach (var key in await all.ListAsync("", None))
        {
            await all.DeleteAsync(key, None);
        }
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        _raw.Dispose();
    }

    /// <summary>A store on the test server's bucket under <paramref name="prefix"/>, with extra URL options.</summary>
    private S3BlobStore Store(string prefix, string options = "")
    {
        var store = new S3BlobStore(S3BlobSettings.Parse(TestS3.Url(prefix, options)));
        _stores.Add(store);
        return store;
    }

    /// <summary>The S3 operations <paramref name="store"/> sends from now on, by name ("PutObject", "UploadPart"…).</summary>
    private static List<string> Watch(S3BlobStore store)
    {
        var operations = new List<string>();
        store.Client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs request)
            {
                lock (operations)
                {
                    operations.Add(request.Request.GetType().Name.Replace("Request", "", StringComparison.Ordinal));
                }
            }
        };
        return operations;
    }

    private async Task<bool> RawExistsAsync(string objectKey)
    {
        try
        {
            await _raw.GetObjectMetadataAsync(TestS3.Bucket, objectKey);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_blob_is_an_object_under_the_store_prefix_with_its_key_as_given()
    {
        await _store.PutAsync("schemas/sales/raw/orders/v1.0.json", "{}"u8.ToArray(), None);
        Assert.True(await RawExistsAsync($"{_run}/root/schemas/sales/raw/orders/v1.0.json"));
        Assert.True(await _store.DeleteAsync("schemas/sales/raw/orders/v1.0.json", None));
        Assert.False(await RawExistsAsync($"{_run}/root/schemas/sales/raw/orders/v1.0.json"));
    }

    [Fact]
    public async Task A_40_MB_stream_of_unknown_length_goes_up_in_parts_and_streams_back_intact()
    {
        const long size = 40L * 1000 * 1000 + 12_345;
        const string key = "quarantine/finance/gdp/invoice/2025/10/07/jr-1/batch-000001.ndjson";

        var operations = Watch(_store);
        await using (var source = new GeneratedStream(size, seed: 7))
        {
            await _store.PutAsync(key, source, None);
            Assert.Equal(size, source.Produced);
        }

        // Parts of 8 MiB: a multipart upload of five parts.
        Assert.Equal(["InitiateMultipartUpload", "UploadPart", "UploadPart", "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload"], operations);
        var head = await _raw.GetObjectMetadataAsync(TestS3.Bucket, $"{_run}/root/{key}");
        Assert.Equal(size, head.ContentLength);

        await using var read = await _store.OpenReadAsync(key, None);
        Assert.NotNull(read);
        Assert.False(read.CanSeek);
        Assert.Equal(size, read.Length);
        var actual = await SHA256.HashDataAsync(read);
        await using var expected = new GeneratedStream(size, seed: 7);
        Assert.Equal(await SHA256.HashDataAsync(expected), actual);
    }

    /// <summary>Around the part size: one PUT below it, a multipart upload from it on (a single part when it fits exactly).</summary>
    [Theory]
    [InlineData(0L, false)]
    [InlineData(1_000L, false)]
    [InlineData(5L * 1024 * 1024 - 1, false)]
    [InlineData(5L * 1024 * 1024, true)]
    [InlineData(5L * 1024 * 1024 + 1, true)]
    public async Task Streams_around_the_part_size_round_trip(long size, bool multipart)
    {
        var store = Store($"{_run}/parts", "part_size_mib=5");
        var operations = Watch(store);
        await using (var source = new GeneratedStream(size, seed: 3))
        {
            await store.PutAsync("blob.bin", source, None);
        }

        Assert.Equal(
            multipart
                ? ["InitiateMultipartUpload", .. Enumerable.Repeat("UploadPart", (int)((size + (5 << 20) - 1) / (5 << 20))), "CompleteMultipartUpload"]
                : ["PutObject"],
            operations);
        var head = await _raw.GetObjectMetadataAsync(TestS3.Bucket, $"{_run}/parts/blob.bin");
        Assert.Equal(size, head.ContentLength);
        var bytes = await store.GetAsync("blob.bin", None);
        await using var expected = new GeneratedStream(size, seed: 3);
        Assert.Equal(await SHA256.HashDataAsync(expected), SHA256.HashData(bytes!));
    }

    [Fact]
    public async Task List_pages_through_every_key_in_ordinal_order()
    {
        // Three keys a page: 22 keys under the store take eight list requests.
        var store = Store($"{_run}/paged", "page_size=3");
        var keys = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            keys.Add($"quarantine/run-{i}/batch.ndjson");
            keys.Add($"schemas/d/raw/e{i % 3}/v1.{i}.json");
        }
        keys.AddRange(["x", "y/z"]);
        foreach (var key in keys)
        {
            await store.PutAsync(key, Encoding.UTF8.GetBytes(key), None);
        }
        var operations = Watch(store);

        Assert.Equal(keys.Order(StringComparer.Ordinal), await store.ListAsync("", None));
        Assert.Equal(Enumerable.Repeat("ListObjectsV2", 8), operations);
        Assert.Equal(keys.Where(k => k.StartsWith("schemas/d/raw/e1/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            await store.ListAsync("schemas/d/raw/e1", None));
        Assert.Equal(10, (await store.ListAsync("quarantine", None)).Count);
        Assert.Equal(["y/z"], await store.ListAsync("y", None));
        Assert.Empty(await store.ListAsync("y/z", None));
    }

    /// <summary>
    /// S3 can hold a key and keys below it ("a" and "a/b"; a file store cannot). One page only: s3rver pages such keys
    /// in its folder-walk order rather than key order, and repeats or skips keys across pages (AWS S3 does not).
    /// </summary>
    [Fact]
    public async Task List_orders_a_key_and_the_keys_below_it_ordinally()
    {
        string[] keys = ["a/b", "a-b/c", "a", "a.b", "a/b-c/d", "A"];
        foreach (var key in keys)
        {
            await _store.PutAsync(key, Encoding.UTF8.GetBytes(key), None);
        }

        Assert.Equal(["A", "a", "a-b/c", "a.b", "a/b", "a/b-c/d"], await _store.ListAsync("", None));
        Assert.Equal(["a/b", "a/b-c/d"], await _store.ListAsync("a", None));
    }

    [Fact]
    public async Task Stores_with_different_prefixes_in_one_bucket_do_not_see_each_others_keys()
    {
        var a = Store($"{_run}/tenant");
        var ab = Store($"{_run}/tenant-b");
        var nested = Store($"{_run}/other/tenant");
        await a.PutAsync("schemas/x.json", "a"u8.ToArray(), None);
        await ab.PutAsync("schemas/x.json", "ab"u8.ToArray(), None);
        await ab.PutAsync("schemas/only-ab.json", "ab"u8.ToArray(), None);

        Assert.Equal(["schemas/x.json"], await a.ListAsync("", None));
        Assert.Equal(["schemas/only-ab.json", "schemas/x.json"], await ab.ListAsync("", None));
        Assert.Empty(await nested.ListAsync("", None));
        Assert.Equal("a"u8.ToArray(), await a.GetAsync("schemas/x.json", None));
        Assert.Equal("ab"u8.ToArray(), await ab.GetAsync("schemas/x.json", None));
        Assert.Null(await a.GetAsync("schemas/only-ab.json", None));
        Assert.Null(await nested.GetAsync("schemas/x.json", None));

        Assert.False(await a.DeleteAsync("schemas/only-ab.json", None));
        Assert.True(await a.DeleteAsync("schemas/x.json", None));
        Assert.Equal("ab"u8.ToArray(), await ab.GetAsync("schemas/x.json", None));
    }

    /// <summary>Every operation refuses an unsafe key before sending anything, and nothing lands next to or above the prefix.</summary>
    [Theory]
    [MemberData(nameof(UnsafeKeys), MemberType = typeof(BlobStoreConformanceTests))]
    public async Task Unsafe_keys_are_refused_by_every_operation_without_a_request(string key)
    {
        await _store.PutAsync("inside/keep.json", "kept"u8.ToArray(), None);
        var operations = Watch(_store);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(key, None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key, None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, "overwritten"u8.ToArray(), None));
        await using (var stream = new MemoryStream("overwritten"u8.ToArray()))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, stream, None));
        }
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, None));
        if (key.Length > 0)
        {
            // The empty prefix lists everything; every other unsafe text is no prefix either.
            await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync(key, None));
        }

        Assert.Empty(operations);
        Assert.Equal(["root/inside/keep.json"], await Store(_run).ListAsync("", None));
    }

    [Fact]
    public async Task Registry_storage_opens_an_s3_url_and_describes_it_without_secrets()
    {
        using var dir = new TempDirectory();
        var server = S3BlobSettings.Parse(TestS3.ServerUrl);

        using (var storage = await RegistryStorage.OpenAsync(
            $"sqlite:{Path.Combine(dir.Path, "registry.db")}", TestS3.Url($"{_run}/registry"), Layers.Default, None))
        {
            Assert.IsType<S3BlobStore>(storage.Blobs);
            Assert.Equal($"s3://{server.Bucket}/{_run}/registry?endpoint={server.Endpoint!.ToString().TrimEnd('/')}", storage.BlobsDescription);
            Assert.DoesNotContain(server.SecretKey!, storage.BlobsDescription, StringComparison.Ordinal);
            await storage.Blobs.PutAsync("schemas/finance/raw/invoice/v1.0.json", "{}"u8.ToArray(), None);
        }

        Assert.True(await RawExistsAsync($"{_run}/registry/schemas/finance/raw/invoice/v1.0.json"));
    }

    [Fact]
    public async Task A_missing_bucket_is_an_error_not_a_missing_blob()
    {
        var server = S3BlobSettings.Parse(TestS3.ServerUrl);
        using var store = new S3BlobStore(new S3BlobSettings("schemareg-no-such-bucket", _run)
        {
            Endpoint = server.Endpoint,
            AccessKey = server.AccessKey,
            SecretKey = server.SecretKey,
        });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => store.GetAsync("schemas/x.json", None));
        Assert.Equal("NoSuchBucket", error.ErrorCode);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => store.OpenReadAsync("schemas/x.json", None));
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => store.ListAsync("", None));
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => store.PutAsync("schemas/x.json", "x"u8.ToArray(), None));
    }

    [Fact]
    public async Task A_failed_stream_aborts_its_multipart_upload_and_leaves_no_object()
    {
        var store = Store($"{_run}/aborted", "part_size_mib=5");
        var operations = Watch(store);
        await using var source = new GeneratedStream(12L * 1024 * 1024, seed: 1) { FailAfter = 11L * 1024 * 1024 };

        var error = await Assert.ThrowsAsync<IOException>(() => store.PutAsync("blob.bin", source, None));

        Assert.Equal("The generated stream broke, as asked.", error.Message);
        Assert.Equal(["InitiateMultipartUpload", "UploadPart", "UploadPart", "AbortMultipartUpload"], operations);
        Assert.Null(await store.GetAsync("blob.bin", None));
    }
}

/// <summary>URL parsing of the S3 blob store: no server needed.</summary>
public sealed class S3BlobSettingsTests
{
    [Fact]
    public void A_full_url_is_read_and_described_without_its_secrets()
    {
        var settings = S3BlobSettings.Parse(
            "s3://schemareg-test/env/prod?endpoint=http://127.0.0.1:4568&region=eu-west-1&access_key=AK%2B1&secret_key=s%2Fe%3Dcret&session_token=tok&path_style=true&page_size=50&part_size_mib=16");

        Assert.Equal(("schemareg-test", "env/prod", "eu-west-1"), (settings.Bucket, settings.Prefix, settings.Region));
        Assert.Equal(new Uri("http://127.0.0.1:4568"), settings.Endpoint);
        Assert.Equal(("AK+1", "s/e=cret", "tok"), (settings.AccessKey, settings.SecretKey, settings.SessionToken));
        Assert.Equal((true, 50, 16 * 1024 * 1024), (settings.PathStyle, settings.PageSize, settings.PartSize));
        Assert.Equal("s3://schemareg-test/env/prod?endpoint=http://127.0.0.1:4568&region=eu-west-1", settings.Description);
        Assert.Equal(settings.Description, settings.ToString());
        Assert.DoesNotContain("cret", settings.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("AK", settings.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_aws_s3_in_us_east_1_with_the_credential_chain()
    {
        var settings = S3BlobSettings.Parse("s3://my-bucket");

        Assert.Equal(("my-bucket", "", "us-east-1"), (settings.Bucket, settings.Prefix, settings.Region));
        Assert.Null(settings.Endpoint);
        Assert.Null(settings.AccessKey);
        Assert.Null(settings.PathStyle);
        Assert.Equal((1000, 8 * 1024 * 1024), (settings.PageSize, settings.PartSize));
        Assert.Equal("s3://my-bucket", settings.Description);
        Assert.Equal("blobs/v1", S3BlobSettings.Parse("s3://my-bucket/blobs/v1/").Prefix);
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3://ab")]
    [InlineData("s3://My_Bucket")]
    [InlineData("s3://bucket/../other")]
    [InlineData("s3://bucket/a//b")]
    [InlineData("s3://bucket/%2e%2e/x")]
    [InlineData("s3://bucket?endpoint=ftp://host")]
    [InlineData("s3://bucket?endpoint=not-a-url")]
    [InlineData("s3://bucket?access_key=only")]
    [InlineData("s3://bucket?secret_key=only")]
    [InlineData("s3://bucket?region=EU WEST")]
    [InlineData("s3://bucket?page_size=0")]
    [InlineData("s3://bucket?page_size=1001")]
    [InlineData("s3://bucket?part_size_mib=4")]
    [InlineData("s3://bucket?path_style=maybe")]
    [InlineData("s3://bucket?prefix=x")]
    [InlineData("s3://bucket?region=us-east-1&region=eu-west-1")]
    [InlineData("file:/tmp/x")]
    public void Malformed_urls_are_refused(string url) =>
        Assert.Throws<ArgumentException>(() => S3BlobSettings.Parse(url));

    [Fact]
    public void Errors_never_echo_the_secret()
    {
        var error = Assert.Throws<ArgumentException>(() => S3BlobSettings.Parse("s3://bucket?secret_key=hunter2&access_key=a&colour=blue"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        var unsupported = Assert.Throws<ArgumentException>(() => StorageUrls.FileBlobRoot("S3://bucket?secret_key=hunter2"));
        Assert.DoesNotContain("hunter2", unsupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_urls_tell_s3_from_file_blob_stores()
    {
        Assert.True(StorageUrls.IsS3Blobs("s3://bucket/prefix"));
        Assert.False(StorageUrls.IsS3Blobs("file:/tmp/blobs"));
        Assert.Equal("prefix", StorageUrls.S3Blobs("s3://bucket/prefix").Prefix);
    }
}

/// <summary>The S3-protocol server that scripts/test starts (URL in SCHEMAREG_TEST_S3).</summary>
internal static class TestS3
{
    public const string Variable = "SCHEMAREG_TEST_S3";

    public static string ServerUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException(
                $"{Variable} is not set: run scripts/test, which starts s3rver on loopback (or: source scripts/lib/s3.sh; start_s3 DIR).");

    public static string Bucket => S3BlobSettings.Parse(ServerUrl).Bucket;

    /// <summary>The server's URL with the key prefix <paramref name="prefix"/> and extra options (<c>a=1&amp;b=2</c>).</summary>
    public static string Url(string prefix, string options = "")
    {
        var url = ServerUrl;
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var location = (query < 0 ? url : url[..query]).TrimEnd('/');
        var parameters = query < 0 ? "" : url[(query + 1)..];
        parameters = string.Join('&', new[] { parameters, options }.Where(p => p.Length > 0));
        return $"{location}/{prefix}" + (parameters.Length > 0 ? "?" + parameters : "");
    }
}

/// <summary>
/// Deterministic pseudo-random bytes made as they are read: a stream of any length that is never held in memory, with
/// no length and no seeking, like a request body. <see cref="FailAfter"/> makes it break part way.
/// </summary>
internal sealed class GeneratedStream(long length, int seed) : Stream
{
    private ulong _state = 0x9E3779B97F4A7C15UL ^ (ulong)seed;

    public long Produced { get; private set; }

    public long? FailAfter { get; init; }

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
        if (FailAfter is { } fail && Produced >= fail)
        {
            throw new IOException("The generated stream broke, as asked.");
        }
        var n = (int)Math.Min(buffer.Length, length - Produced);
        for (var i = 0; i < n; i++)
        {
            // xorshift64*: cheap, and no two parts of the stream look alike.
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            buffer[i] = (byte)((_state * 0x2545F4914F6CDD1DUL) >> 56);
        }
        Produced += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
