using System.Globalization;
using MySqlConnector;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Storage.Tests.Fixtures;

/// <summary>
/// A fresh MySQL/MariaDB database per test class on the server scripts/test starts (<see cref="TestMySql"/>), dropped
/// on dispose. Without that server the fixture fails: the MariaDB third of the contract never skips.
/// </summary>
public sealed class MySqlStoreFixture : StoreFixture
{
    private readonly List<string> _databases = [];

    public override string Dialect => "mysql";

    public override async Task<string> CreateDatabaseAsync()
    {
        var url = await TestMySql.CreateDatabaseAsync();
        lock (_databases)
        {
            _databases.Add(url);
        }
        return url;
    }

    public override async Task<long> ScalarAsync(string databaseUrl, string sql)
    {
        var connectionString = new MySqlConnectionStringBuilder(StorageUrls.MySqlConnectionString(databaseUrl)) { Pooling = false };
        await using var connection = new MySqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
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
            await TestMySql.DropDatabaseAsync(url);
        }
    }
}
