using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Lifecycle;

/// <summary>One step in a version's history: who did what, from which state to which, when and why.</summary>
public sealed record HistoryEntry(
    Fqid Fqid,
    SchemaAction Action,
    SchemaState? From,
    SchemaState To,
    string PrincipalId,
    string PrincipalName,
    string Role,
    DateTimeOffset At,
    string? Comment);
