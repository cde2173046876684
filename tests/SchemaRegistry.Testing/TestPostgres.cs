using Npgsql;

namespace SchemaRegistry.Testing;

/// <summary>
/// Fresh PostgreSQL databases on the server that scripts/test starts (URL in SCHEMAREG_TEST_POSTGRES), one per
/// test class, so classes run in parallel and never see each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SCHEMAREG_TEST_POSTGRES";

    public static string ServerUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException($"{Variable} is not set: run scripts/test, which starts PostgreSQL on loopback.");

    /// <summary>Creates an empty database and returns its postgres:// URL.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var server = new Uri(ServerUrl);
        await using (var connection = new NpgsqlConnection(ConnectionString(server, server.AbsolutePath.Trim('/'))))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it.</summary>
    public static async Task DropDatabaseAsync(string url)
    {
        var server = new Uri(ServerUrl);
        var name = new Uri(url).AbsolutePath.Trim('/');
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString(server, server.AbsolutePath.Trim('/')));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ConnectionString(Uri server, string database)
    {
        var user = Uri.UnescapeDataString(server.UserInfo.Split(':')[0]);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = server.Host,
            Port = server.Port,
            Username = user.Length > 0 ? user : "postgres",
            Database = database.Length > 0 ? database : "postgres",
        };
        if (server.UserInfo.Split(':') is [_, var password])
        {
            builder.Password = Uri.UnescapeDataString(password);
        }
        return builder.ConnectionString;
    }
}
