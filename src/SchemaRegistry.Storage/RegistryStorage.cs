using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Blobs;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Storage.Sql;

namespace SchemaRegistry.Storage;

/// <summary>Opens the configured database and blob store; the database is migrated before first use.</summary>
public sealed class RegistryStorage : IRegistryStorage, IDisposable
{
    private readonly SqlProvider _provider;

    private RegistryStorage(SqlProvider provider, (IBlobStore Store, string Description) blobs, Layers layers)
    {
        BlobsDescription = blobs.Description;
        _provider = provider;
        Schemas = new SqlSchemaStore(provider, layers);
        Keys = new SqlApiKeyStore(provider);
        Subjects = new SqlSubjectConfigStore(provider);
        Events = new SqlEventStore(provider);
        Subscriptions = new SqlSubscriptionStore(provider);
        Audit = new SqlAuditStore(provider);
        Pipelines = new SqlPipelineStore(provider, layers);
        Blobs = blobs.Store;
        Backup = new SqlBackup(provider, blobs.Store);
        Confluent = new SqlConfluentStore(provider);
    }

    public ISchemaStore Schemas { get; }
    public IApiKeyStore Keys { get; }
    public ISubjectConfigStore Subjects { get; }
    public IEventStore Events { get; }
    public ISubscriptionStore Subscriptions { get; }
    public IPipelineStore Pipelines { get; }
    public IAuditStore Audit { get; }
    public IBlobStore Blobs { get; }
    public IRegistryBackup Backup { get; }
    public IConfluentStore Confluent { get; }
    public string DatabaseDescription => _provider.Description;
    public string BlobsDescription { get; }

    /// <summary>Opens and migrates the stores named by the two URLs.</summary>
    public static async Task<RegistryStorage> OpenAsync(string databaseUrl, string blobsUrl, Layers layers, CancellationToken cancellationToken)
    {
        var provider = CreateProvider(databaseUrl);
        await new Migrator(provider).MigrateAsync(cancellationToken);
        return new RegistryStorage(provider, OpenBlobs(blobsUrl), layers);
    }

    /// <summary>The blob store named by <c>file:DIR</c> or <c>s3://bucket/prefix?…</c>, and how to show it (never with secrets).</summary>
    public static (IBlobStore Store, string Description) OpenBlobs(string blobsUrl)
    {
        if (StorageUrls.IsS3Blobs(blobsUrl))
        {
            var s3 = new S3BlobStore(StorageUrls.S3Blobs(blobsUrl));
            return (s3, s3.Description);
        }
        var files = new FileBlobStore(StorageUrls.FileBlobRoot(blobsUrl));
        return (files, $"file:{files.Root}");
    }

    /// <summary>
    /// Start-up hygiene of the blob store: a file store's temporary files older than <paramref name="olderThan"/> (left by
    /// a crash mid-write) are deleted; returns how many. An S3 store has none (a put is atomic per object).
    /// </summary>
    public int RemoveTemporaryBlobs(TimeSpan olderThan) => RemoveTemporaryBlobs(Blobs, olderThan);

    /// <summary>The same hygiene for another blob store opened by <see cref="OpenBlobs"/> (a quarantine of its own).</summary>
    public static int RemoveTemporaryBlobs(IBlobStore store, TimeSpan olderThan) =>
        store is FileBlobStore files ? files.RemoveTemporaryFiles(olderThan, DateTimeOffset.UtcNow) : 0;

    /// <summary>Applies pending migrations only; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string databaseUrl, CancellationToken cancellationToken)
    {
        var provider = CreateProvider(databaseUrl);
        try
        {
            return await new Migrator(provider).MigrateAsync(cancellationToken);
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _provider.OpenAsync(cancellationToken);
            await using var command = Db.Command(connection, "SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        (_provider as IDisposable)?.Dispose();
        (Blobs as IDisposable)?.Dispose();
    }

    internal static SqlProvider CreateProvider(string databaseUrl)
    {
        if (StorageUrls.IsSqlite(databaseUrl))
        {
            return new SqliteProvider(StorageUrls.SqlitePath(databaseUrl));
        }
        if (StorageUrls.IsPostgres(databaseUrl))
        {
            return new PostgresProvider(StorageUrls.PostgresConnectionString(databaseUrl));
        }
        if (StorageUrls.IsMySql(databaseUrl))
        {
            return new MySqlProvider(StorageUrls.MySqlConnectionString(databaseUrl));
        }
        throw new ArgumentException(
            $"Database URL '{databaseUrl.Split('@')[^1]}' is not supported " +
            "(use sqlite:PATH, postgres://user:pass@host:port/db or mysql://user:pass@host:port/db).",
            nameof(databaseUrl));
    }
}
