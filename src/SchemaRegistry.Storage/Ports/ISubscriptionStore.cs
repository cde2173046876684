namespace SchemaRegistry.Storage.Ports;

/// <summary>Webhook subscriptions and their delivery state, safe to drive from several replicas (leases).</summary>
public interface ISubscriptionStore
{
    /// <summary>Adds a subscription and writes <paramref name="events"/> (with their ledger entries) in the same transaction.</summary>
    Task AddAsync(Subscription subscription, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>The subscriptions (replays in progress are not listed).</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes a subscription; its events are written only when it existed.</summary>
    Task<bool> DeleteAsync(string id, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Takes the delivery lease of every due subscription whose lease is free or expired; returns them.</summary>
    Task<IReadOnlyList<Subscription>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records progress (cursor, attempts, next attempt) and keeps or releases the lease.</summary>
    Task SaveProgressAsync(string id, string owner, long cursor, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task AddDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string subscriptionId, CancellationToken cancellationToken);
}
