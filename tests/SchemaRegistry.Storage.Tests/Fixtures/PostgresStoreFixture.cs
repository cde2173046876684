using System.Globalization;
using Npgsql;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Storage.Tests.Fixtures;

/// <summary>
/// A fresh PostgreSQL database per test class on the server scripts/test starts (<see cref="TestPostgres"/>),
/// dropped on dispose. Without that server the fixture fails: the PostgreSQL half of the contract never skips.
/// </summary>
public sealed class PostgresStoreFixture : StoreFixture
{
    private readonly List<string> _databases = [];

    public override string Dialect => "postgres";

    public override async Task<string> CreateDatabaseAsync()
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        lock (_databases)
        {
            _databases.Add(url);
        }
        return url;
    }

    public override async Task<long> ScalarAsync(string databaseUrl, string sql)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(StorageUrls.PostgresConnectionString(databaseUrl)) { Pooling = false };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    protected override async Task DropDatabasesAsync()
    {
        string[] urls;
        lock (_databases)
        {
            urls = [.. _databases];
            _databases.Clear();
        }
        foreach (var url in urls)
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }
}
