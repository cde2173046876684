using Npgsql;

namespace SchemaRegistry.Storage;

/// <summary>Reads the database and blob URLs of the configuration (<c>sqlite:PATH</c>, <c>postgres://…</c>, <c>file:DIR</c>).</summary>
public static class StorageUrls
{
    public static bool IsSqlite(string url) => url.StartsWith("sqlite:", StringComparison.Ordinal);

    public static bool IsPostgres(string url) =>
        url.StartsWith("postgres://", StringComparison.Ordinal) || url.StartsWith("postgresql://", StringComparison.Ordinal);

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

    public static string FileBlobRoot(string url) =>
        url.StartsWith("file:", StringComparison.Ordinal)
            ? url["file:".Length..]
            : throw new ArgumentException($"Blob store URL '{url}' is not supported (use file:DIR).", nameof(url));
}
