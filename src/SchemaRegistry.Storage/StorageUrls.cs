using Npgsql;
using SchemaRegistry.Storage.Blobs;

namespace SchemaRegistry.Storage;

/// <summary>Reads the database and blob URLs of the configuration (<c>sqlite:PATH</c>, <c>postgres://…</c>, <c>mysql://…</c>, <c>file:DIR</c>, <c>s3://bucket/prefix?…</c>).</summary>
public static class StorageUrls
{
    public static bool IsSqlite(string url) => url.StartsWith("sqlite:", StringComparison.Ordinal);

    public static bool IsPostgres(string url) =>
        url.StartsWith("postgres://", StringComparison.Ordinal) || url.StartsWith("postgresql://", StringComparison.Ordinal);

    /// <summary>MySQL 8 or MariaDB: <c>mysql://…</c> or <c>mariadb://…</c>.</summary>
    public static bool IsMySql(string url) =>
        url.StartsWith("mysql://", StringComparison.Ordinal) || url.StartsWith("mariadb://", StringComparison.Ordinal);

    public static string SqlitePath(string url) => url["sqlite:".Length..];

    /// <summary>Turns <c>postgres://user:pass@host:port/db?key=value</c> into an Npgsql connection string.</summary>
    public static string PostgresConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Turns <c>mysql://user:pass@host:port/db?Key=Value</c> (or <c>mariadb://…</c>) into a MySqlConnector connection
    /// string; the query keys are MySqlConnector connection-string keywords.
    /// </summary>
    public static string MySqlConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new MySqlConnector.MySqlConnectionStringBuilder
        {
            Server = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 3306u : (uint)uri.Port,
            // Unlike PostgreSQL, a server has no database to fall back on.
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db
                ? db
                : throw new ArgumentException($"Database URL '{url.Split('@')[^1]}' names no database (mysql://user:pass@host:port/db).", nameof(url)),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.UserID = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return builder.ConnectionString;
    }

    public static string FileBlobRoot(string url) =>
        url.StartsWith("file:", StringComparison.Ordinal)
            ? url["file:".Length..]
            : throw new ArgumentException(
                $"Blob store URL '{url.Split('?')[0]}' is not supported (use file:DIR or s3://bucket/prefix?endpoint=…&access_key=…&secret_key=…).",
                nameof(url));

    public static bool IsS3Blobs(string url) => S3BlobSettings.IsS3Url(url);

    /// <summary>Reads <c>s3://bucket/optional/prefix?endpoint=URL&amp;region=…&amp;access_key=…&amp;secret_key=…&amp;path_style=true</c> (see <see cref="S3BlobSettings"/>).</summary>
    public static S3BlobSettings S3Blobs(string url) => S3BlobSettings.Parse(url);
}
