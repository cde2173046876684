using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>
/// The stores persist the events they are given (the server's EventFactory builds them); these tests give a schema
/// change an event of the lifecycle's type and subject with the fields the contract tests read (<c>to</c>, the principal).
/// </summary>
internal static class TestEvents
{
    public static OutboxEvent Of(HistoryEntry entry) =>
        new(EventTypes.ForAction(entry.Action), entry.Fqid.ToString(), entry.At, JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["fqid"] = entry.Fqid.ToString(),
            ["to"] = WireNames.Of(entry.To),
            ["principal"] = entry.PrincipalName,
            ["principal_id"] = entry.PrincipalId,
            ["role"] = entry.Role,
            ["comment"] = entry.Comment,
        }));

    public static Task InsertAsync(this ISchemaStore store, SchemaRecord record, HistoryEntry entry, CancellationToken cancellationToken) =>
        store.InsertAsync(record, entry, Of(entry), cancellationToken);

    public static Task UpdateAsync(this ISchemaStore store, SchemaRecord record, long expectedRevision, HistoryEntry entry, CancellationToken cancellationToken) =>
        store.UpdateAsync(record, expectedRevision, entry, Of(entry), cancellationToken);

    public static Task<IReadOnlyDictionary<Core.Naming.Fqid, SchemaState?>> PublishAsync(this ISchemaStore store, SchemaRecord record, long expectedRevision,
        HistoryEntry entry, IReadOnlyCollection<Core.Naming.Fqid> references, CancellationToken cancellationToken) =>
        store.PublishAsync(record, expectedRevision, entry, Of(entry), references, cancellationToken);

    public static Task AppendAsync(this IEventStore store, string type, string subject, DateTimeOffset time, string data, CancellationToken cancellationToken) =>
        store.AppendAsync(new OutboxEvent(type, subject, time, data), cancellationToken);
}
