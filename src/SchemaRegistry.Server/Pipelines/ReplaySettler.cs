using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Ends a quarantine replay's row (<see cref="QuarantineReplay"/>), after the replay itself or, when a crash cut it
/// short, at start-up. A pending replay is marked aborted first (so it can never commit, even on another replica),
/// then every file it wrote goes: nothing points to them. A committed one loses the generations its batches no longer
/// point to. Each batch's current key is read after that, so the files a batch points to are never deleted; the row
/// goes last, so a crash in between leaves it for the next start-up.
/// </summary>
internal static class ReplaySettler
{
    public static async Task SettleAsync(IRegistryStorage storage, IBlobStore quarantine, QuarantineReplay replay, CancellationToken cancellationToken)
    {
        var aborted = replay.State != ReplayState.Committed && await storage.Pipelines.AbortReplayAsync(replay.ReplayId, cancellationToken);
        if (aborted)
        {
            await quarantine.DeleteAsync(replay.ReleasedKey, cancellationToken);
        }
        var current = (await storage.Pipelines.ListBatchesAsync(replay.RunId, cancellationToken))
            .ToDictionary(b => b.BatchNumber, b => b.QuarantineKey);
        foreach (var batch in replay.Batches)
        {
            var pointedTo = current.GetValueOrDefault(batch.BatchNumber);
            foreach (var key in aborted ? [batch.NewKey] : new[] { batch.OldKey, batch.NewKey })
            {
                if (key != pointedTo)
                {
                    // The row does not hold the batch's format: both kinds of records file are tried.
                    foreach (var suffix in QuarantineKeys.AllRecordsSuffixes)
                    {
                        await quarantine.DeleteAsync(key + suffix, cancellationToken);
                    }
                    await quarantine.DeleteAsync(key + QuarantineKeys.ManifestSuffix, cancellationToken);
                }
            }
        }
        await storage.Pipelines.ForgetReplayAsync(replay.ReplayId, cancellationToken);
    }

    /// <summary>Settles every replay a crash left behind; returns how many.</summary>
    public static async Task<int> RecoverAsync(IRegistryStorage storage, IBlobStore quarantine, CancellationToken cancellationToken)
    {
        var replays = await storage.Pipelines.ListReplaysAsync(cancellationToken);
        foreach (var replay in replays)
        {
            await SettleAsync(storage, quarantine, replay, cancellationToken);
        }
        return replays.Count;
    }
}
