using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// Schema versions and their history. Every write records its history entry and the event it is given (built by the
/// server) in the same transaction.
/// </summary>
public interface ISchemaStore
{
    /// <summary>Adds a new version; throws <see cref="StoreConflictException"/> when the FQID exists.</summary>
    Task InsertAsync(SchemaRecord record, HistoryEntry entry, OutboxEvent @event, CancellationToken cancellationToken);

    /// <summary>Replaces a version if it still has <paramref name="expectedRevision"/>; otherwise throws <see cref="StoreConflictException"/>.</summary>
    Task UpdateAsync(SchemaRecord record, long expectedRevision, HistoryEntry entry, OutboxEvent @event, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="UpdateAsync"/> for a publish: commits only when every version in <paramref name="references"/> is
    /// still published, checked in the transaction under the events lock, which every other change (a deprecation of a
    /// referenced version among them) holds until its commit. Of a publish and a concurrent change of what it
    /// references, the one that commits first decides, and the events are in commit order. Returns the references
    /// that are not published, with their states (null: missing), and writes nothing then; empty when committed.
    /// </summary>
    Task<IReadOnlyDictionary<Fqid, SchemaState?>> PublishAsync(SchemaRecord record, long expectedRevision, HistoryEntry entry, OutboxEvent @event,
        IReadOnlyCollection<Fqid> references, CancellationToken cancellationToken);

    Task<SchemaRecord?> GetAsync(Fqid fqid, CancellationToken cancellationToken);

    /// <summary>The newest published version matching an alias (any major, or one major).</summary>
    Task<Fqid?> ResolveAsync(SubjectName subject, int? major, CancellationToken cancellationToken);

    Task<IReadOnlyList<SchemaRecord>> ListVersionsAsync(SubjectName subject, CancellationToken cancellationToken);

    /// <summary>Every version of every subject, by subject then version, read as a stream (the console's search index loads from it).</summary>
    IAsyncEnumerable<SchemaRecord> ListAllVersionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SubjectSummary>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Fqid fqid, CancellationToken cancellationToken);

    /// <summary>The state of each FQID, null for those that do not exist.</summary>
    Task<IReadOnlyDictionary<Fqid, SchemaState?>> GetStatesAsync(IReadOnlyCollection<Fqid> fqids, CancellationToken cancellationToken);
}
