using SchemaRegistry.Core.Audit;

namespace SchemaRegistry.Storage.Ports;

/// <summary>Reads the governance ledger (it is written by the stores, with each change's event).</summary>
public interface IAuditStore
{
    /// <summary>Entries after <see cref="AuditQuery.After"/>, in sequence order, filtered.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}

/// <summary>Ledger filters; all optional. <see cref="Action"/> and <see cref="ReasonPrefix"/> find annotations by incident.</summary>
public sealed record AuditQuery(long After = 0, string? Target = null, string? Principal = null, DateTimeOffset? From = null, int Limit = 1000,
    string? Action = null, string? ReasonPrefix = null);
