using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Tests.Fixtures;

/// <summary>
/// One database per test class, opened (and so migrated) through the public entry point. Tests that need a database
/// nobody else has touched (empty key table, first migration) ask for another with <see cref="CreateDatabaseAsync"/>;
/// every database and storage handed out is disposed and dropped with the fixture.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private readonly List<RegistryStorage> _opened = [];

    protected StoreFixture()
    {
        TempRoot = Path.Combine(Path.GetTempPath(), "schemareg-store-tests-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>A folder of this fixture's own, deleted on dispose.</summary>
    protected string TempRoot { get; }

    /// <summary>Folder name of the dialect's migration scripts, as embedded in the storage assembly.</summary>
    public abstract string Dialect { get; }

    /// <summary>The database shared by the tests of one class.</summary>
    public string DatabaseUrl { get; private set; } = "";

    /// <summary>The storage opened on <see cref="DatabaseUrl"/>.</summary>
    public RegistryStorage Storage { get; private set; } = null!;

    public string BlobsUrl => "file:" + Path.Combine(TempRoot, "blobs");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempRoot);
        DatabaseUrl = await CreateDatabaseAsync();
        Storage = await OpenAsync(DatabaseUrl);
    }

    /// <summary>Opens (and migrates) a storage on <paramref name="databaseUrl"/>; disposed with the fixture.</summary>
    public async Task<RegistryStorage> OpenAsync(string databaseUrl)
    {
        var storage = await RegistryStorage.OpenAsync(databaseUrl, BlobsUrl, Layers.Default, CancellationToken.None);
        lock (_opened)
        {
            _opened.Add(storage);
        }
        return storage;
    }

    /// <summary>A new, empty database of this kind; returns its URL.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    /// <summary>Runs a scalar query directly against a database, bypassing the stores.</summary>
    public abstract Task<long> ScalarAsync(string databaseUrl, string sql);

    public async Task DisposeAsync()
    {
        lock (_opened)
        {
            foreach (var storage in _opened)
            {
                storage.Dispose();
            }
            _opened.Clear();
        }
        await DropDatabasesAsync();
        if (Directory.Exists(TempRoot))
        {
            Directory.Delete(TempRoot, recursive: true);
        }
    }

    protected abstract Task DropDatabasesAsync();
}
