using System.Data.Common;
using System.Text.Json;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Appends the ledger entry of each outbox event, in the same transaction and under the same events lock, so the
/// chain's order is the commit order and no change is recorded without its entry. Who, in which role and why come
/// from the event's data (<c>principal_id</c> or <c>principal</c>, <c>role</c>, <c>comment</c>/<c>reason</c>/<c>resolution</c>); the
/// after-hash is the hash of that data, the before-hash the data's own <c>before_hash</c> when it gives one.
/// </summary>
internal static class AuditWriter
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
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
            var (principal, role, reason, before) = Describe(e.Data);
            var after = AuditChain.ContentHash(e.Data);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(e.Time.ToUnixTimeMilliseconds());
            var target = e.Subject.Length == 0 ? "-" : e.Subject;
            var hash = AuditChain.Hash(previous, sequence, at, principal, role, e.Type, target, reason, before, after);
            await using var insert = Db.Command(connection,
                "INSERT INTO audit_log (sequence, at, principal, role, action, target, reason, before_hash, after_hash, prev_hash, hash) " +
                "VALUES (@sequence, @at, @principal, @role, @action, @target, @reason, @before, @after, @prev, @hash)", transaction,
                ("@sequence", sequence), ("@at", Db.ToUnixMs(at)), ("@principal", principal), ("@role", role), ("@action", e.Type),
                ("@target", target), ("@reason", reason), ("@before", before), ("@after", after), ("@prev", previous), ("@hash", hash));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            previous = hash;
        }
    }

    private static (string Principal, string Role, string? Reason, string? BeforeHash) Describe(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Cut(Text("principal_id") ?? Text("principal") ?? Text("created_by") ?? "system", 200), Cut(Text("role") ?? "-", 64),
                Text("comment") ?? Text("reason") ?? Text("resolution") ?? Text("detail"), Text("before_hash"));
        }
        catch (JsonException)
        {
            return ("system", "-", null, null);
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
