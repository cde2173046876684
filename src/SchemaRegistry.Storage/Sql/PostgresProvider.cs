using System.Data.Common;
using Npgsql;

namespace SchemaRegistry.Storage.Sql;

internal sealed class PostgresProvider(string connectionString) : SqlProvider, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

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

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public void Dispose() => _dataSource.Dispose();
}
