using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Per-subject settings: the compatibility mode an admin chose for it.</summary>
public interface ISubjectConfigStore
{
    Task<CompatibilityMode?> GetModeAsync(SubjectName subject, CancellationToken cancellationToken);

    /// <summary>Sets the subject's mode and writes <paramref name="events"/> (with their ledger entries) in the same transaction.</summary>
    Task SetModeAsync(SubjectName subject, CompatibilityMode mode, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);

    /// <summary>
    /// Removes the subject's own mode (it falls back to the default) and writes <paramref name="events"/> in the same
    /// transaction; false, and nothing written, when it had none.
    /// </summary>
    Task<bool> ClearModeAsync(SubjectName subject, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
