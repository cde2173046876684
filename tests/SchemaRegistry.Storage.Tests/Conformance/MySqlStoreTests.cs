using MySqlConnector;
using SchemaRegistry.Storage.Tests.Fixtures;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The store contract on a fresh MySQL/MariaDB database (server from <c>SCHEMAREG_TEST_MYSQL</c>).</summary>
public sealed class MySqlStoreTests(MySqlStoreFixture fixture) : StoreConformanceTests(fixture), IClassFixture<MySqlStoreFixture>
{
    [Fact]
    public async Task A_mariadb_url_opens_the_same_database_and_is_shown_without_its_password()
    {
        var url = "mariadb" + Fixture.DatabaseUrl["mysql".Length..];

        var storage = await Fixture.OpenAsync(url);

        Assert.True(await storage.PingAsync(None));
        Assert.Empty(await RegistryStorage.MigrateAsync(url, None));
        Assert.StartsWith("mysql://127.0.0.1:", storage.DatabaseDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("@", storage.DatabaseDescription, StringComparison.Ordinal);
    }
}

/// <summary><c>mysql://</c> and <c>mariadb://</c> URLs as MySqlConnector connection strings.</summary>
public sealed class MySqlUrlTests
{
    [Fact]
    public void A_url_gives_host_port_database_and_unescaped_credentials()
    {
        var builder = new MySqlConnectionStringBuilder(
            StorageUrls.MySqlConnectionString("mysql://reg%40istry:p%3Ass%2Fw@db.example:3307/schema_registry"));

        Assert.Equal(("db.example", 3307u, "schema_registry", "reg@istry", "p:ss/w"),
            (builder.Server, builder.Port, builder.Database, builder.UserID, builder.Password));
    }

    [Fact]
    public void The_port_defaults_to_3306_and_query_keys_are_MySqlConnector_keywords()
    {
        var builder = new MySqlConnectionStringBuilder(
            StorageUrls.MySqlConnectionString("mariadb://registry@db.example/registry?SslMode=Required&Maximum%20Pool%20Size=7&Pooling"));

        Assert.Equal(3306u, builder.Port);
        Assert.Equal(MySqlSslMode.Required, builder.SslMode);
        Assert.Equal(7u, builder.MaximumPoolSize);
        Assert.True(builder.Pooling);
        Assert.Equal("", builder.Password);
    }

    [Fact]
    public void Both_schemes_are_recognised_and_nothing_else()
    {
        Assert.True(StorageUrls.IsMySql("mysql://u@h/db"));
        Assert.True(StorageUrls.IsMySql("mariadb://u@h/db"));
        Assert.False(StorageUrls.IsMySql("postgres://u@h/db"));
        Assert.False(StorageUrls.IsMySql("mysqlx://u@h/db"));
    }

    [Fact]
    public void A_url_without_a_database_is_refused_without_showing_its_password()
    {
        var refused = Assert.Throws<ArgumentException>(() => StorageUrls.MySqlConnectionString("mysql://u:hunter2@h:3306/"));
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_keyword_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            RegistryStorage.MigrateAsync("mysql://u@127.0.0.1:1/db?NoSuchOption=1", CancellationToken.None));
    }
}
