using System.Data;
using System.Data.Common;

namespace SchemaRegistry.Storage.Sql;

/// <summary>Everything that differs between databases, in one place per provider.</summary>
internal abstract class SqlProvider
{
    /// <summary>Folder name of this dialect's migration scripts.</summary>
    public abstract string Dialect { get; }

    public abstract string Description { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True when the exception is a primary-key or unique-index violation.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>True when the database chose this statement as a deadlock victim: it was rolled back and may be retried.</summary>
    public virtual bool IsDeadlock(Exception exception) => false;

    /// <summary>A statement run inside the migration transaction that serialises migrators across replicas.</summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>
    /// Run before writing an event, inside its transaction: event-writing transactions then commit in sequence order,
    /// so a reader that has seen sequence N can never later find a smaller one appear. Null where writers are
    /// serialised anyway (SQLite).
    /// </summary>
    public virtual string? EventLockSql => null;

    /// <summary>
    /// True when <see cref="SqlStatements"/> may send its statements as one batch: one round trip, and run without a
    /// transaction, one implicit transaction (a failing statement rolls back the ones before it and skips the rest).
    /// </summary>
    public virtual bool RunsAtomicBatches => false;

    /// <summary>
    /// An SQL expression for a ledger entry's hash (<see cref="Core.Audit.AuditChain.HashWithTail"/>) from the given
    /// expressions of the previous hash, the sequence and the entry's tail; null where the database cannot compute
    /// SHA-256, and the entry is hashed by <see cref="AuditWriter"/> after reading the ledger's end.
    /// </summary>
    public virtual string? AuditHashExpression(string previousHash, string sequence, string tail) => null;

    /// <summary>Escape clause for LIKE patterns whose wildcards were escaped with a backslash.</summary>
    public virtual string LikeEscape => "ESCAPE '\\'";

    /// <summary>
    /// Serialises migrators for the whole of <see cref="Migrator.MigrateAsync"/> on the migrator's connection, where the
    /// database's lock is held by the session rather than by a transaction (MySQL's <c>GET_LOCK</c>, needed there because
    /// DDL commits implicitly). Disposing releases it. Null (the default) where <see cref="MigrationLockSql"/> locks each
    /// migration transaction instead.
    /// </summary>
    public virtual Task<IAsyncDisposable?> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(null);

    /// <summary>An identifier quoted for this database (for column names that are reserved words in some dialect).</summary>
    public virtual string Quote(string identifier) => $"\"{identifier}\"";

    /// <summary>An integer expression widened to 64 bits.</summary>
    public virtual string CastToBigInt(string expression) => $"CAST({expression} AS BIGINT)";

    /// <summary>
    /// The clause after <c>INSERT … VALUES (…)</c> that turns a unique violation on <paramref name="conflictColumns"/> into
    /// an update with <paramref name="assignments"/> (which may use the statement's parameters, not <c>excluded</c>).
    /// </summary>
    public virtual string OnConflictUpdate(string conflictColumns, string assignments) =>
        $"ON CONFLICT ({conflictColumns}) DO UPDATE SET {assignments}";

    /// <summary>The clause after <c>INSERT … VALUES (…)</c> that skips a row already present under <paramref name="conflictColumns"/>.</summary>
    public virtual string OnConflictDoNothing(string conflictColumns) => $"ON CONFLICT ({conflictColumns}) DO NOTHING";

    /// <summary>
    /// A read transaction that sees one snapshot of the whole database and blocks no writer (a backup runs while the
    /// registry serves). PostgreSQL's REPEATABLE READ and InnoDB's are snapshots.
    /// </summary>
    public virtual async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>A text column in <c>ORDER BY</c>, compared by code point as in SQLite's BINARY and MySQL's utf8mb4_bin.</summary>
    public virtual string OrderText(string quotedColumn) => quotedColumn;

    /// <summary>Between the column list and <c>VALUES</c> of an insert that gives an identity column its value.</summary>
    public virtual string IdentityInsertClause => "";

    /// <summary>
    /// A statement that moves an identity counter past the largest value in the table after rows were inserted with
    /// their own values; null where the database does that itself (SQLite's AUTOINCREMENT, MySQL's AUTO_INCREMENT).
    /// </summary>
    public virtual string? RestartIdentitySql(string table, string column) => null;
}
