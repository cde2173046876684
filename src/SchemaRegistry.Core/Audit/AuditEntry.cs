namespace SchemaRegistry.Core.Audit;

/// <summary>
/// One entry of the governance ledger: who (principal, role) did what (action) to what (target), why (reason),
/// hashes of the content before and after, and the hash of the previous entry, which chains the ledger: changing,
/// removing or reordering any entry breaks every hash after it.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Principal,
    string Role,
    string Action,
    string Target,
    string? Reason,
    string? BeforeHash,
    string? AfterHash,
    string PreviousHash,
    string Hash);
