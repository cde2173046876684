using System.Reflection;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Applies the numbered SQL scripts of the provider's dialect (embedded as <c>migrations/{dialect}/NNNN_name.sql</c>)
/// that the database has not seen, each in its own transaction, and records them in <c>schema_migrations</c>.
/// </summary>
internal sealed class Migrator(SqlProvider provider)
{
    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>
    /// Scripts that only rewrite stored spellings to their wire names. A restore runs them again over what it imported,
    /// since an archive written by an older build carries the old spellings.
    /// </summary>
    public static readonly IReadOnlySet<int> Respellings = new HashSet<int> { 12 };

    public IReadOnlyList<Script> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{provider.Dialect}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Brings the database up to date; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        // Where the lock belongs to the session (MySQL), it is held from here to the end; elsewhere this is null.
        await using var migrationLock = await provider.LockMigrationsAsync(connection, cancellationToken);
        // Under the migration lock too: concurrent CREATE TABLE IF NOT EXISTS races in PostgreSQL's catalog.
        await using (var setup = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (provider.MigrationLockSql is { } setupLockSql)
            {
                await using var lockCommand = Db.Command(connection, setupLockSql, setup);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var create = Db.Command(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)",
                setup))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await setup.CommitAsync(cancellationToken);
        }
        var applied = new List<int>();
        foreach (var script in Scripts())
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (provider.MigrationLockSql is { } lockSql)
            {
                await using var lockCommand = Db.Command(connection, lockSql, transaction);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var check = Db.Command(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", transaction, ("@v", script.Version)))
            {
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }
            }
            await using (var run = Db.Command(connection, script.Sql, transaction))
            {
                await run.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = Db.Command(connection,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", transaction,
                ("@v", script.Version), ("@n", script.Name), ("@t", Db.ToUnixMs(DateTimeOffset.UtcNow))))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script.Version);
        }
        return applied;
    }

    private static Script Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture);
        return new Script(version, fileName[(underscore + 1)..], reader.ReadToEnd());
    }
}
