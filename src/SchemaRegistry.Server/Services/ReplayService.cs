using SchemaRegistry.Wire;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// Event replays as EventBridge operators know them: start one by sequence or by time window, list them with their
/// progress, cancel one; re-deliver a subscription's dead letters. A replay is a row in the database (a temporary
/// subscription the deliverers lease like any other), so it survives restarts and runs on one replica at a time.
/// </summary>
internal sealed class ReplayService(IRegistryStorage storage, TimeProvider time)
{
    public async Task<ReplayResponse> StartAsync(ReplayRequest body, Principal actor, CancellationToken ct)
    {
        var target = await TargetAsync(body.SubscriptionId, ct);
        var (from, to) = await RangeAsync(body, ct);
        return await AddAsync(target, from, to, body.Types, body.Name, deadLettersOnly: false, actor, ct);
    }

    /// <summary>Re-delivers the subscription's dead letters (only those events); each one delivered leaves the list.</summary>
    public async Task<ReplayResponse> ReplayDeadLettersAsync(string subscriptionId, string? name, Principal actor, CancellationToken ct)
    {
        var target = await TargetAsync(subscriptionId, ct);
        var letters = await storage.Subscriptions.DeadLettersAsync(target.Id, ct);
        if (letters.Count == 0)
        {
            throw new RegistryException(RegistryError.Transition($"Subscription {target.Id} has no dead letters to replay."));
        }
        return await AddAsync(target, letters.Min(l => l.Sequence), letters.Max(l => l.Sequence), null, name, deadLettersOnly: true, actor, ct);
    }

    public async Task<List<ReplayStatusResponse>> ListAsync(CancellationToken ct) =>
        (await storage.Subscriptions.ListReplaysAsync(ct)).Select(ToStatus).ToList();

    public async Task<ReplayStatusResponse> GetAsync(string id, CancellationToken ct) => ToStatus(await LoadAsync(id, ct));

    public async Task<ReplayStatusResponse> CancelAsync(string id, string? comment, Principal actor, CancellationToken ct)
    {
        Core.Checks.TextLimits.Check(comment, "comment", Core.Checks.TextLimits.Comment);
        var replay = await LoadAsync(id, ct);
        var now = time.GetUtcNow();
        if (!await storage.Subscriptions.CancelReplayAsync(id, now, [EventFactory.ReplayCancelled(replay, comment, actor, now)], ct))
        {
            throw new RegistryException(RegistryError.Transition($"Replay {id} is {(await LoadAsync(id, ct)).Replay!.State}; only a running replay can be cancelled."));
        }
        return await GetAsync(id, ct);
    }

    private async Task<ReplayResponse> AddAsync(Subscription target, long from, long to, IReadOnlyList<string>? types, string? name, bool deadLettersOnly,
        Principal actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var replayName = string.IsNullOrWhiteSpace(name) ? $"replay-{now:yyyyMMddHHmmss}" : name.Trim();
        Core.Checks.TextLimits.Check(replayName, "name", 200);
        var replay = target with
        {
            Id = RegistryIds.New(RegistryIds.Replay),
            Types = types is { Count: > 0 } ? types : target.Types,
            Cursor = from - 1,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
            CreatedBy = actor.Name,
            ReplayName = replayName,
            ReplayUntil = to,
            Replay = new ReplayProgress(target.Id, from, ReplayProgress.Running, null, deadLettersOnly),
        };
        await storage.Subscriptions.AddAsync(replay, [EventFactory.ReplayStarted(replay, actor, now)], ct);
        return new ReplayResponse(replay.Id, replayName, target.Id);
    }

    /// <summary>The range by sequence, or the sequences of the events archived in a time window.</summary>
    private async Task<(long From, long To)> RangeAsync(ReplayRequest body, CancellationToken ct)
    {
        if (body.FromTime is null && body.ToTime is null)
        {
            if (body.FromSequence < 1 || body.ToSequence < body.FromSequence)
            {
                throw Invalid("from_sequence must be at least 1 and to_sequence not below it (or give from_time and to_time).");
            }
            return (body.FromSequence, body.ToSequence);
        }
        if (body.FromSequence != 0 || body.ToSequence != 0)
        {
            throw Invalid("Give a range by sequence or by time, not both.");
        }
        var fromTime = body.FromTime ?? throw Invalid("from_time is required with to_time.");
        var toTime = body.ToTime ?? time.GetUtcNow();
        if (toTime < fromTime)
        {
            throw Invalid("to_time must not be before from_time.");
        }
        return await storage.Events.SequenceRangeAsync(fromTime, toTime, ct)
            ?? throw new RegistryException(RegistryError.NotFound($"Events between {fromTime:O} and {toTime:O}"));
    }

    private async Task<Subscription> TargetAsync(string? id, CancellationToken ct)
    {
        var target = await storage.Subscriptions.GetAsync(id ?? "", ct);
        return target is null || target.ReplayName is not null ? throw new RegistryException(RegistryError.NotFound($"Subscription {id}")) : target;
    }

    private async Task<Subscription> LoadAsync(string id, CancellationToken ct)
    {
        var replay = await storage.Subscriptions.GetAsync(id, ct);
        return replay?.ReplayName is null ? throw new RegistryException(RegistryError.NotFound($"Replay {id}")) : replay;
    }

    private static ReplayStatusResponse ToStatus(Subscription s)
    {
        var progress = s.Replay ?? new ReplayProgress(null, null, ReplayProgress.Running, null, false);
        var until = s.ReplayUntil ?? s.Cursor;
        // Replays started before their first sequence was stored count from their cursor at the time they are read.
        var from = progress.From ?? Math.Min(s.Cursor + 1, until);
        var total = Math.Max(1, until - from + 1);
        var done = progress.State == ReplayProgress.Completed ? total : Math.Clamp(s.Cursor - from + 1, 0, total);
        return new ReplayStatusResponse(s.Id, s.ReplayName!, progress.Of, progress.State, from, until, s.Cursor, Math.Round(100.0 * done / total, 1),
            progress.DeadLettersOnly, s.CreatedAt, s.CreatedBy, progress.EndedAt);
    }

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid replay", detail));
}
