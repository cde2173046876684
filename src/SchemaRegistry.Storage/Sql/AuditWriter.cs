using System.Data.Common;
using SchemaRegistry.Core.Audit;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Appends the ledger entry of each outbox event, in the same transaction and under the same events lock, so the
/// chain's order is the commit order and no change is recorded without its entry. Everything but the sequence and the
/// previous hash was worked out before the lock (<see cref="PreparedEvent"/>).
/// </summary>
internal static class AuditWriter
{
    private const string Insert =
        "INSERT INTO audit_log (sequence, at, principal, role, action, target, reason, before_hash, after_hash, prev_hash, hash) ";

    /// <summary>Reads the ledger's end, then hashes and inserts each entry here (databases without SHA-256 in SQL).</summary>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PreparedEvent> events, CancellationToken cancellationToken)
    {
        long sequence = 0;
        var previous = AuditChain.Genesis;
        await using (var last = Db.Command(connection, "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1", transaction))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }
        foreach (var e in events)
        {
            sequence++;
            var hash = AuditChain.HashWithTail(previous, sequence, e.HashTail);
            await using var insert = Db.Command(connection,
                Insert + "VALUES (@sequence, @at, @principal, @role, @action, @target, @reason, @before, @after, @prev, @hash)", transaction,
                [("@sequence", sequence), .. Fields(e), ("@prev", previous), ("@hash", hash)]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            previous = hash;
        }
    }

    /// <summary>
    /// Adds one statement per entry that reads the ledger's end and hashes the entry in the database
    /// (<see cref="SqlProvider.AuditHashExpression"/>): no round trip to read the end first. Each statement sees the
    /// entry the one before it inserted.
    /// </summary>
    public static void Add(SqlProvider provider, SqlStatements statements, IReadOnlyList<PreparedEvent> events)
    {
        var hash = provider.AuditHashExpression("t.previous", "t.sequence", "@tail")
            ?? throw new InvalidOperationException($"{provider.Dialect} does not hash ledger entries in SQL.");
        var sql = Insert +
            $"SELECT t.sequence, @at, @principal, @role, @action, @target, @reason, @before, @after, t.previous, {hash} " +
            "FROM (SELECT COALESCE(l.sequence, 0) + 1 AS sequence, COALESCE(l.hash, @genesis) AS previous " +
            "FROM (SELECT 1 AS one) AS o LEFT JOIN (SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1) AS l ON 1 = 1) AS t";
        foreach (var e in events)
        {
            statements.Add(sql, [.. Fields(e), ("@tail", e.HashTail), ("@genesis", AuditChain.Genesis)]);
        }
    }

    private static (string, object?)[] Fields(PreparedEvent e) =>
    [
        ("@at", e.TimeMs), ("@principal", e.Principal), ("@role", e.Role), ("@action", e.Type), ("@target", e.Target),
        ("@reason", e.Reason), ("@before", e.BeforeHash), ("@after", e.AfterHash),
    ];
}
