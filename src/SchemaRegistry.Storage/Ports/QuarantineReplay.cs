namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// A quarantine replay under way, recorded before it stores any blob. Each batch it may change gets a new generation
/// of its files (<see cref="ReplayedBatch.NewKey"/>) instead of being rewritten in place, and everything released goes
/// to <see cref="ReleasedKey"/>; one transaction then points the batches at their new generation, adds the released
/// counts and appends the event (<see cref="IPipelineStore.CommitReplayAsync"/>). Until then the row is pending: a
/// crash leaves only files nothing points to, which start-up removes (aborting the row first, so it can never commit);
/// after it the old generations are removed. The row is deleted once its leftovers are.
/// </summary>
public sealed record QuarantineReplay(string ReplayId, string RunId, ReplayState State, string ReleasedKey, IReadOnlyList<ReplayedBatch> Batches,
    DateTimeOffset StartedAt);
