using System.Data.Common;
using System.Globalization;
using MySqlConnector;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// MySQL 8 and MariaDB (10.6 and later) through MySqlConnector. Their differences from the other dialects: DDL commits
/// implicitly (so migrations are serialised by a session-level named lock, not a transaction), there is no advisory
/// transaction lock (events are ordered by locking a row of <c>event_lock</c>), no partial index, no <c>ON CONFLICT</c>
/// and no <c>RETURNING</c>, <c>CURSOR</c> is reserved, and backslash escapes inside string literals.
/// </summary>
internal sealed class MySqlProvider(string connectionString) : SqlProvider, IDisposable
{
    /// <summary>How long a migrator waits for another one to finish, in seconds.</summary>
    private const int MigrationLockTimeoutSeconds = 60;

    // Named locks are server-wide: the database's name (hashed, as lock names are limited to 64 characters) keeps
    // migrators of different databases on one server apart.
    private const string MigrationLockName = "CONCAT('schemareg_migrations_', MD5(DATABASE()))";

    private readonly MySqlDataSource _dataSource = new(connectionString);

    public override string Dialect => "mysql";

    public override string Description
    {
        get
        {
            var builder = new MySqlConnectionStringBuilder(connectionString);
            return $"mysql://{builder.Server}:{builder.Port}/{builder.Database}";
        }
    }

    // GET_LOCK belongs to the session, not to a transaction: taken once around the whole migration (LockMigrationsAsync).
    public override string? MigrationLockSql => null;

    // A lock row (created with the events table) rather than a named lock: it is released by the commit or rollback.
    public override string? EventLockSql => "SELECT id FROM event_lock WHERE id = 1 FOR UPDATE";

    // Backslash escapes inside MySQL string literals, so the escape character is written doubled.
    public override string LikeEscape => "ESCAPE '\\\\'";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    public override bool IsDeadlock(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock };

    public override async Task<IAsyncDisposable?> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var command = Db.Command(connection,
            $"SELECT GET_LOCK({MigrationLockName}, {MigrationLockTimeoutSeconds.ToString(CultureInfo.InvariantCulture)})"))
        {
            // 1: taken; 0: timed out; NULL: an error (killed, out of memory).
            var taken = await command.ExecuteScalarAsync(cancellationToken);
            if (taken is null or DBNull || Convert.ToInt64(taken, CultureInfo.InvariantCulture) != 1)
            {
                throw new TimeoutException(
                    $"Another migrator held the migration lock of {Description} for more than {MigrationLockTimeoutSeconds} s.");
            }
        }
        return new NamedLock(connection);
    }

    public override string Quote(string identifier) => $"`{identifier}`";

    public override string CastToBigInt(string expression) => $"CAST({expression} AS SIGNED)";

    // Any unique index arbitrates here; callers name the one that can conflict.
    public override string OnConflictUpdate(string conflictColumns, string assignments) => $"ON DUPLICATE KEY UPDATE {assignments}";

    // A no-op assignment rather than INSERT IGNORE, which would also turn other errors into warnings.
    public override string OnConflictDoNothing(string conflictColumns)
    {
        var first = conflictColumns.Split(',')[0].Trim();
        return $"ON DUPLICATE KEY UPDATE {first} = {first}";
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>Releases the migration lock; a session that ends (or is reset by the pool) releases it too.</summary>
    private sealed class NamedLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = Db.Command(connection, $"SELECT RELEASE_LOCK({MigrationLockName})");
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection broke (that is what is being reported): the server released the lock with the session.
            }
        }
    }
}
