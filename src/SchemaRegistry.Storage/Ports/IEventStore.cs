namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// The event stream. Events are written by the other stores inside the transaction of the change they describe
/// (no change without its event, no event without its change); this port reads them back in order.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// An event that reports no change (a refused validation, a blocked publish, a failed sync), in a transaction of its
    /// own; an event of a change goes to the store that writes the change.
    /// </summary>
    Task AppendAsync(OutboxEvent @event, CancellationToken cancellationToken);

    /// <summary>Events that go with no other change (ledger annotations), in one transaction of their own.</summary>
    Task AppendAllAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>The first and last sequence of the events whose time lies in [<paramref name="from"/>, <paramref name="to"/>], or null when none does.</summary>
    Task<(long First, long Last)?> SequenceRangeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes events older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The newest sequence written, 0 when there is none.</summary>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Events with a sequence above <paramref name="after"/>, oldest first, optionally filtered. A
    /// <paramref name="subject"/> without a version (<c>finance.gdp.invoice</c>) also matches its versions' events
    /// (<c>finance.gdp.invoice:v1.2</c>); an FQID matches only its own.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(long after, int limit, string? type, string? subject, CancellationToken cancellationToken);
}
