using System.Text;
using SchemaRegistry.Storage.Blobs;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Blobs;

/// <summary>
/// The file blob store keeps each blob as a file under its root. Every test gets its own folder: the store's root sits
/// inside it next to "outside" files that no key, however crafted, may read, write or delete.
/// </summary>
public sealed class FileBlobStoreTests : BlobStoreConformanceTests, IDisposable
{
    private readonly string _sandbox;
    private readonly string _root;
    private readonly FileBlobStore _store;

    public FileBlobStoreTests()
    {
        _sandbox = Path.Combine(Path.GetTempPath(), "schemareg-blob-tests-" + Guid.NewGuid().ToString("N"));
        _root = Path.Combine(_sandbox, "root");
        Directory.CreateDirectory(Path.Combine(_sandbox, "b"));
        File.WriteAllText(Path.Combine(_sandbox, "x"), "outside x");
        File.WriteAllText(Path.Combine(_sandbox, "b", "c"), "outside b/c");
        File.WriteAllText(Path.Combine(_sandbox, "sentinel"), "outside sentinel");
        _store = new FileBlobStore(_root);
    }

    protected override IBlobStore Blobs => _store;

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    [Fact]
    public async Task Blobs_are_files_under_the_root_and_deleting_them_touches_nothing_outside()
    {
        await _store.PutAsync("schemas/sales/raw/orders/v1.0.json", "{}"u8.ToArray(), None);
        Assert.True(File.Exists(Path.Combine(_root, "schemas", "sales", "raw", "orders", "v1.0.json")));
        Assert.True(await _store.DeleteAsync("schemas/sales/raw/orders/v1.0.json", None));
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task Put_overwrites_an_existing_blob_and_leaves_no_temporary_files()
    {
        const string key = "schemas/sales/raw/orders/v1.0.json";
        await _store.PutAsync(key, Encoding.UTF8.GetBytes("first version, longer than the second"), None);

        await _store.PutAsync(key, Encoding.UTF8.GetBytes("second"), None);

        Assert.Equal(Encoding.UTF8.GetBytes("second"), await _store.GetAsync(key, None));
        Assert.Equal([key], await _store.ListAsync("", None));
        Assert.Equal(
            [Path.Combine(_root, "schemas", "sales", "raw", "orders", "v1.0.json")],
            Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(UnsafeKeys), MemberType = typeof(BlobStoreConformanceTests))]
    public async Task Unsafe_keys_are_rejected_by_every_operation_without_touching_files_outside_the_root(string key)
    {
        await _store.PutAsync("inside/keep.json", "kept"u8.ToArray(), None);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(key, None));
        if (key.Length > 0)
        {
            // The empty prefix lists everything; every other unsafe text is no prefix either.
            await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync(key, None));
        }
        // Writes and deletes of a real system file are not tried even once: the sentinel test covers absolute keys.
        if (!key.StartsWith("/etc", StringComparison.Ordinal))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, "overwritten"u8.ToArray(), None));
            await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, None));
        }

        AssertOutsideUntouched();
        Assert.Equal(["inside/keep.json"], await _store.ListAsync("", None));
    }

    [Fact]
    public async Task An_absolute_key_naming_a_file_outside_the_root_is_rejected_and_the_file_survives()
    {
        var sentinel = Path.Combine(_sandbox, "sentinel");

        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(sentinel, "overwritten"u8.ToArray(), None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(sentinel, None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(sentinel, None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync(_sandbox, None));

        AssertOutsideUntouched();
    }

    /// <summary>The sandbox outside the root holds exactly the files it was given, with their contents.</summary>
    private void AssertOutsideUntouched()
    {
        var outside = Directory.GetFileSystemEntries(_sandbox, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && p != _root)
            .Select(p => Path.GetRelativePath(_sandbox, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["b", "b/c", "sentinel", "x"], outside);
        Assert.Equal("outside x", File.ReadAllText(Path.Combine(_sandbox, "x")));
        Assert.Equal("outside b/c", File.ReadAllText(Path.Combine(_sandbox, "b", "c")));
        Assert.Equal("outside sentinel", File.ReadAllText(Path.Combine(_sandbox, "sentinel")));
    }
}
