using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Per-subject settings: the compatibility mode an admin chose for it.</summary>
public interface ISubjectConfigStore
{
    Task<CompatibilityMode?> GetModeAsync(SubjectName subject, CancellationToken cancellationToken);

    Task SetModeAsync(SubjectName subject, CompatibilityMode mode, string principal, DateTimeOffset at, CancellationToken cancellationToken);
}
