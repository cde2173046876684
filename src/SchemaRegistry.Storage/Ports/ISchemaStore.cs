using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Schema versions and their history. Every write records its history entry in the same transaction.</summary>
public interface ISchemaStore
{
    /// <summary>Adds a new version; throws <see cref="StoreConflictException"/> when the FQID exists.</summary>
    Task InsertAsync(SchemaRecord record, HistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces a version if it still has <paramref name="expectedRevision"/>; otherwise throws <see cref="StoreConflictException"/>.</summary>
    Task UpdateAsync(SchemaRecord record, long expectedRevision, HistoryEntry entry, CancellationToken cancellationToken);

    Task<SchemaRecord?> GetAsync(Fqid fqid, CancellationToken cancellationToken);

    /// <summary>The newest published version matching an alias (any major, or one major).</summary>
    Task<Fqid?> ResolveAsync(SubjectName subject, int? major, CancellationToken cancellationToken);

    Task<IReadOnlyList<SchemaRecord>> ListVersionsAsync(SubjectName subject, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubjectSummary>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Fqid fqid, CancellationToken cancellationToken);

    /// <summary>The state of each FQID, null for those that do not exist.</summary>
    Task<IReadOnlyDictionary<Fqid, SchemaState?>> GetStatesAsync(IReadOnlyCollection<Fqid> fqids, CancellationToken cancellationToken);
}
