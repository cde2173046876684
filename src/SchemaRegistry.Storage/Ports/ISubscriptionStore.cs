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

    /// <summary>
    /// Records progress (cursor, attempts, next attempt) and releases the lease. The cursor never moves back: a
    /// backlog purged while this pass delivered stays purged.
    /// </summary>
    Task SaveProgressAsync(string id, string owner, long cursor, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Replays, newest first, with their progress (finished ones too).</summary>
    Task<IReadOnlyList<Subscription>> ListReplaysAsync(CancellationToken cancellationToken);

    /// <summary>Marks a running replay completed at <paramref name="cursor"/>; false when it is no longer running (cancelled meanwhile).</summary>
    Task<bool> CompleteReplayAsync(string id, long cursor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes the replays that ended before <paramref name="before"/> (their listing is kept as long as the events); returns how many.</summary>
    Task<int> PurgeEndedReplaysAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Cancels a running replay and writes <paramref name="events"/> in the same transaction; false when it is not running.</summary>
    Task<bool> CancelReplayAsync(string id, DateTimeOffset at, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a subscription's cursor to <paramref name="upTo"/> (never back), skipping its undelivered backlog, and writes
    /// the events built from the cursor it had in the same transaction. Null when there is no such subscription.
    /// </summary>
    Task<long?> PurgeBacklogAsync(string id, long upTo, DateTimeOffset at, Func<long, IReadOnlyList<OutboxEvent>> events, CancellationToken cancellationToken);

    Task RemoveDeadLetterAsync(string subscriptionId, long sequence, CancellationToken cancellationToken);

    Task AddDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string subscriptionId, CancellationToken cancellationToken);
}
