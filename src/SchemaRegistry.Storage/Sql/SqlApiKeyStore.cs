using System.Data.Common;
using System.Globalization;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlApiKeyStore(SqlProvider provider) : IApiKeyStore
{
    private const string Columns = "id, name, role, secret_hash, prefix, created_at, created_by, expires_at, revoked_at";
    private const string RevokeSql = "UPDATE api_keys SET revoked_at=@at WHERE id=@id AND revoked_at IS NULL";
    private const string ExpireSql = "UPDATE api_keys SET expires_at=@at WHERE id=@id AND revoked_at IS NULL";
    private const string ReactivateSql = "UPDATE api_keys SET revoked_at=NULL, expires_at=NULL WHERE id=@id AND role=@role";

    private const string CountAdminsSql =
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END), 0) FROM api_keys " +
        "WHERE role=@role AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at)";

    private static readonly string AdminRole = WireNames.Of(Role.SchemaAdmin);

    public async Task<bool> TryInsertAsync(ApiKey key, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await InsertAsync(connection, transaction, key, cancellationToken);
        return await OutboxWriter.CompleteAsync(inserted, provider, connection, transaction, events, cancellationToken);
    }

    public async Task<bool> ReplaceAsync(ApiKey replacement, string oldId, DateTimeOffset oldEndsAt, bool revokeOld, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await LockAndCountAdminsAsync(connection, transaction, replacement.CreatedAt, cancellationToken);
        var replaced = await InsertAsync(connection, transaction, replacement, cancellationToken)
            && await EndAsync(connection, transaction, revokeOld ? RevokeSql : ExpireSql, oldId, oldEndsAt, cancellationToken);
        if (replaced)
        {
            await EnsureAdminLeftAsync(connection, transaction, before, replacement.CreatedAt, cancellationToken);
        }
        return await OutboxWriter.CompleteAsync(replaced, provider, connection, transaction, events, cancellationToken);
    }

    public async Task<bool> RecoverAdminAsync(ApiKey key, bool reactivate, DateTimeOffset at, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recovered = false;
        if ((await LockAndCountAdminsAsync(connection, transaction, at, cancellationToken)).Active == 0)
        {
            if (reactivate)
            {
                await using var command = Db.Command(connection, ReactivateSql, transaction, ("@id", key.Id), ("@role", AdminRole));
                recovered = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            }
            else
            {
                recovered = key.Role == Role.SchemaAdmin && await InsertAsync(connection, transaction, key, cancellationToken);
            }
        }
        return await OutboxWriter.CompleteAsync(recovered, provider, connection, transaction, events, cancellationToken);
    }

    /// <summary>
    /// Takes the events lock first (SQLite's writers are serialised by their <c>BEGIN IMMEDIATE</c> already), so that
    /// changes of keys are decided one at a time, then counts the schema-admin keys active at <paramref name="at"/>
    /// (read under the lock: PostgreSQL's statement snapshot and InnoDB's first read view come after it).
    /// </summary>
    private async Task<(long Active, long Lasting)> LockAndCountAdminsAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await OutboxWriter.LockAsync(provider, connection, transaction, cancellationToken);
        return await CountAdminsAsync(connection, transaction, at, cancellationToken);
    }

    private static async Task<(long Active, long Lasting)> CountAdminsAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, CountAdminsSql, transaction, ("@role", AdminRole), ("@at", Db.ToUnixMs(at)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>After the change, in its transaction: throws (the transaction is then rolled back) when it ended the last admin.</summary>
    private static async Task EnsureAdminLeftAsync(DbConnection connection, DbTransaction transaction, (long Active, long Lasting) before,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var after = await CountAdminsAsync(connection, transaction, at, cancellationToken);
        if (before.Active > 0 && after.Active == 0)
        {
            throw new LastAdminKeyException("This is the last active schema-admin key; create another before revoking it.");
        }
        if (before.Lasting > 0 && after.Lasting == 0)
        {
            throw new LastAdminKeyException(
                "This is the last active schema-admin key without expiry; create another one without expiry before revoking it, " +
                "giving it an expiry or replacing it by a key that expires (once every admin key expired, nobody could manage keys).");
        }
    }

    /// <summary>False when the key's id or hash exists (the transaction must then be rolled back).</summary>
    private async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, ApiKey key, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection,
            $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @role, @hash, @prefix, @created_at, @created_by, @expires_at, NULL)",
            transaction, ("@id", key.Id), ("@name", key.Name), ("@role", WireNames.Of(key.Role)), ("@hash", key.SecretHash),
            ("@prefix", key.Prefix), ("@created_at", Db.ToUnixMs(key.CreatedAt)), ("@created_by", key.CreatedBy),
            ("@expires_at", key.ExpiresAt is { } expires ? Db.ToUnixMs(expires) : null));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException e) when (provider.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        FindOneAsync("secret_hash=@v", secretHash, cancellationToken);

    public Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken) =>
        FindOneAsync("id=@v", id, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }
        return keys;
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await LockAndCountAdminsAsync(connection, transaction, at, cancellationToken);
        var revoked = await EndAsync(connection, transaction, RevokeSql, id, at, cancellationToken);
        if (revoked)
        {
            await EnsureAdminLeftAsync(connection, transaction, before, at, cancellationToken);
        }
        return await OutboxWriter.CompleteAsync(revoked, provider, connection, transaction, events, cancellationToken);
    }

    /// <summary>Revokes a live key or sets its expiry (<paramref name="sql"/>); false when no live key has that id.</summary>
    private static async Task<bool> EndAsync(DbConnection connection, DbTransaction transaction, string sql, string id, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, sql, transaction, ("@at", Db.ToUnixMs(at)), ("@id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT COUNT(*) FROM api_keys");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private async Task<ApiKey?> FindOneAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM api_keys WHERE {condition}", null, ("@v", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static ApiKey Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), WireNames.ParseRole(r.GetString(2)), r.GetString(3), r.GetString(4),
        Db.FromUnixMs(r.GetInt64(5)), r.GetString(6),
        Db.NullableLong(r, 7) is { } expires ? Db.FromUnixMs(expires) : null,
        Db.NullableLong(r, 8) is { } revoked ? Db.FromUnixMs(revoked) : null);
}
