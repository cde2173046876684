using System.Text.Json;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// An outbox event with its row and its ledger entry worked out (id, who, why, content hash, the entry's hash tail)
/// before the events lock is taken, so that only the sequence and the previous entry's hash remain to be found under it.
/// Who, in which role and why come from the event's data (<c>principal_id</c> or <c>principal</c>, <c>role</c>,
/// <c>comment</c>/<c>reason</c>/<c>resolution</c>); the after-hash is the hash of that data, the before-hash the
/// data's own <c>before_hash</c> when it gives one.
/// </summary>
internal sealed record PreparedEvent(
    string Id, string Type, string Subject, long TimeMs, string Data,
    string Principal, string Role, string? Reason, string? BeforeHash, string AfterHash, string Target, string HashTail)
{
    public static PreparedEvent From(OutboxEvent e)
    {
        var (principal, role, reason, before) = Describe(e.Data);
        var after = AuditChain.ContentHash(e.Data);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(e.Time.ToUnixTimeMilliseconds());
        var target = e.Subject.Length == 0 ? "-" : e.Subject;
        return new PreparedEvent(Guid.NewGuid().ToString("N"), e.Type, e.Subject, at.ToUnixTimeMilliseconds(), e.Data,
            principal, role, reason, before, after, target, AuditChain.Tail(at, principal, role, e.Type, target, reason, before, after));
    }

    public static IReadOnlyList<PreparedEvent> All(IReadOnlyList<OutboxEvent> events) => events.Select(From).ToList();

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
