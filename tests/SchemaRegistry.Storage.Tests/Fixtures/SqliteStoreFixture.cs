using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SchemaRegistry.Storage.Tests.Fixtures;

/// <summary>A fresh SQLite file in a temporary folder per test class.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    private int _databases;

    public override string Dialect => "sqlite";

    public override Task<string> CreateDatabaseAsync()
    {
        var n = Interlocked.Increment(ref _databases);
        var name = n == 1 ? "registry.db" : $"registry-{n}.db";
        return Task.FromResult("sqlite:" + Path.Combine(TempRoot, "db", name));
    }

    public override async Task<long> ScalarAsync(string databaseUrl, string sql)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = StorageUrls.SqlitePath(databaseUrl),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    protected override Task DropDatabasesAsync()
    {
        // Pooled connections keep the files open; the folder goes with the fixture's temporary root.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
