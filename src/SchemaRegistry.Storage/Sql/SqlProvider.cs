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

    /// <summary>A statement run inside the migration transaction that serialises migrators across replicas.</summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>
    /// Run before writing an event, inside its transaction: event-writing transactions then commit in sequence order,
    /// so a reader that has seen sequence N can never later find a smaller one appear. Null where writers are
    /// serialised anyway (SQLite).
    /// </summary>
    public virtual string? EventLockSql => null;

    /// <summary>Escape clause for LIKE patterns whose wildcards were escaped with a backslash.</summary>
    public virtual string LikeEscape => "ESCAPE '\\'";
}
