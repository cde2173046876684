using SchemaRegistry.Core.Audit;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

internal sealed class SqlAuditStore(SqlProvider provider) : IAuditStore
{
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var sql = "SELECT sequence, at, principal, role, action, target, reason, before_hash, after_hash, prev_hash, hash FROM audit_log WHERE sequence > @after"
            + (query.Target is null ? "" : " AND target = @target")
            + (query.Principal is null ? "" : " AND principal = @principal")
            + (query.From is null ? "" : " AND at >= @from")
            + (query.Action is null ? "" : " AND action = @action")
            // A prefix compared whole rather than with LIKE: nothing in it is a wildcard, on any of the three databases.
            + (query.ReasonPrefix is null ? "" : $" AND SUBSTR(reason, 1, {query.ReasonPrefix.Length}) = @prefix")
            + $" ORDER BY sequence LIMIT {Math.Clamp(query.Limit, 1, 10_000)}";
        var parameters = new List<(string, object?)> { ("@after", query.After) };
        if (query.Target is not null)
        {
            parameters.Add(("@target", query.Target));
        }
        if (query.Principal is not null)
        {
            parameters.Add(("@principal", query.Principal));
        }
        if (query.Action is not null)
        {
            parameters.Add(("@action", query.Action));
        }
        if (query.ReasonPrefix is not null)
        {
            parameters.Add(("@prefix", query.ReasonPrefix));
        }
        if (query.From is { } from)
        {
            parameters.Add(("@from", Db.ToUnixMs(from)));
        }
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, sql, null, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), Db.FromUnixMs(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Db.NullableString(reader, 6), Db.NullableString(reader, 7), Db.NullableString(reader, 8), reader.GetString(9), reader.GetString(10)));
        }
        return entries;
    }
}
