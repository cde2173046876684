using MySqlConnector;

namespace SchemaRegistry.Testing;

/// <summary>
/// Fresh MySQL/MariaDB databases on the server that scripts/test starts (URL in SCHEMAREG_TEST_MYSQL), one per test
/// class, so classes run in parallel and never see each other's rows.
/// </summary>
public static class TestMySql
{
    public const string Variable = "SCHEMAREG_TEST_MYSQL";

    public static string ServerUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException($"{Variable} is not set: run scripts/test, which starts MariaDB on loopback.");

    /// <summary>Creates an empty database and returns its mysql:// URL (same scheme, user and options as the server's).</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var server = new Uri(ServerUrl);
        await using (var connection = new MySqlConnection(ConnectionString(server)))
        {
            await connection.OpenAsync();
            // The server's default character set may be latin1; the migrations name theirs per table anyway.
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, after closing the pooled connections to it.</summary>
    public static async Task DropDatabaseAsync(string url)
    {
        var server = new Uri(ServerUrl);
        var name = new Uri(url).AbsolutePath.Trim('/');
        await MySqlConnection.ClearAllPoolsAsync();
        await using var connection = new MySqlConnection(ConnectionString(server));
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An unpooled connection string to the server URL's own database (e.g. <c>mysql</c>).</summary>
    private static string ConnectionString(Uri server)
    {
        var userInfo = server.UserInfo.Split(':', 2);
        var builder = new MySqlConnectionStringBuilder
        {
            Server = server.Host,
            Port = server.IsDefaultPort || server.Port <= 0 ? 3306u : (uint)server.Port,
            UserID = Uri.UnescapeDataString(userInfo[0]),
            Database = Uri.UnescapeDataString(server.AbsolutePath.Trim('/')),
            Pooling = false,
        };
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return builder.ConnectionString;
    }
}
