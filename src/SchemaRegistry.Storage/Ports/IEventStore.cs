namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// The event stream. Events are written by the other stores inside the transaction of the change they describe
/// (no change without its event, no event without its change); this port reads them back in order.
/// </summary>
public interface IEventStore
{
    /// <summary>Events with a sequence above <paramref name="after"/>, oldest first, optionally filtered.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(long after, int limit, string? type, string? subject, CancellationToken cancellationToken);
}
