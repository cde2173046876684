using System.Data.Common;
using Npgsql;

namespace SchemaRegistry.Storage.Sql;

internal sealed class PostgresProvider(string connectionString) : SqlProvider, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));

    public override string Dialect => "postgres";

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    // A transaction-scoped advisory lock: two replicas starting together migrate one after the other.
    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(4242001)";

    public override string? EventLockSql => "SELECT pg_advisory_xact_lock(4242002)";

    // The database's collation may sort text by locale; "C" compares bytes, as the other dialects do.
    public override string OrderText(string quotedColumn) => $"{quotedColumn} COLLATE \"C\"";

    public override string IdentityInsertClause => "OVERRIDING SYSTEM VALUE";

    public override string? RestartIdentitySql(string table, string column) =>
        $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT COALESCE(MAX({column}), 0) FROM {table}) + 1, false)";

    public override bool RunsAtomicBatches => true;

    // The tail is ASCII (AuditChain.Tail), so the bytes hashed are those .NET hashes.
    public override string? AuditHashExpression(string previousHash, string sequence, string tail) =>
        $"encode(sha256(convert_to('[\"' || {previousHash} || '\",' || {sequence} || ',' || {tail}, 'UTF8')), 'hex')";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool IsDeadlock(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };

    public void Dispose() => _dataSource.Dispose();

    // The stores run a few fixed statements over and over (a registration's five among them): prepared once per pooled
    // connection, they are neither parsed nor planned again. A URL that sets Max Auto Prepare keeps its own value.
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
