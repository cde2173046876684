using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>Webhook subscriptions and replays: checks a request, names it and stores it with its event.</summary>
internal sealed class SubscriptionService(IRegistryStorage storage, TimeProvider time)
{
    public async Task<SubscriptionResponse> CreateAsync(SubscriptionRequest body, Principal actor, CancellationToken ct)
    {
        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw Invalid("url must be an absolute http or https URL.");
        }
        if (string.IsNullOrEmpty(body.Secret) || body.Secret.Length is < 16 or > 200)
        {
            throw Invalid("secret must be 16 to 200 characters.");
        }
        if (body.From is not (null or "now" or "start"))
        {
            throw Invalid("from must be now or start.");
        }
        if (body.Format is not (null or Subscription.CloudEventsFormat or Subscription.OpenLineageFormat))
        {
            throw Invalid("format must be cloudevents or openlineage.");
        }
        var cursor = body.From == "start" ? 0 : await storage.Events.LastSequenceAsync(ct);
        var now = time.GetUtcNow();
        var subscription = new Subscription(RegistryIds.New(RegistryIds.Subscription), url.AbsoluteUri, body.Types ?? [], body.SubjectPattern ?? "",
            body.Secret, cursor, 0, now, now, actor.Name, Format: body.Format ?? Subscription.CloudEventsFormat);
        var created = ChangeRecorder.Event(EventTypes.SubscriptionCreated, subscription.Id, actor, now,
            new { subscription_id = subscription.Id, url = subscription.Url, types = subscription.Types, subject_pattern = subscription.SubjectPattern, format = subscription.Format });
        await storage.Subscriptions.AddAsync(subscription, [created], ct);
        return ToResponse(subscription);
    }

    public async Task<List<SubscriptionResponse>> ListAsync(CancellationToken ct) =>
        (await storage.Subscriptions.ListAsync(ct)).Select(ToResponse).ToList();

    public async Task DeleteAsync(string id, Principal actor, CancellationToken ct)
    {
        var deleted = ChangeRecorder.Event(EventTypes.SubscriptionDeleted, id, actor, time.GetUtcNow(), new { subscription_id = id });
        if (!await storage.Subscriptions.DeleteAsync(id, [deleted], ct))
        {
            throw new RegistryException(RegistryError.NotFound($"Subscription {id}"));
        }
    }

    public async Task<List<DeadLetterItem>> DeadLettersAsync(string id, CancellationToken ct)
    {
        _ = await storage.Subscriptions.GetAsync(id, ct) ?? throw new RegistryException(RegistryError.NotFound("The subscription"));
        return (await storage.Subscriptions.DeadLettersAsync(id, ct)).Select(d => new DeadLetterItem(d.Sequence, d.Attempts, d.LastError, d.At)).ToList();
    }

    /// <summary>The runbook's "purge + replay": a temporary subscription that re-delivers a range, then ends.</summary>
    public async Task<ReplayResponse> ReplayAsync(ReplayRequest body, Principal actor, CancellationToken ct)
    {
        var target = await storage.Subscriptions.GetAsync(body.SubscriptionId ?? "", ct);
        if (target is null || target.ReplayName is not null)
        {
            throw new RegistryException(RegistryError.NotFound($"Subscription {body.SubscriptionId}"));
        }
        if (body.FromSequence < 1 || body.ToSequence < body.FromSequence)
        {
            throw Invalid("from_sequence must be at least 1 and to_sequence not below it.");
        }
        var now = time.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(body.Name) ? $"replay-{now:yyyyMMddHHmmss}" : body.Name.Trim();
        var replay = target with
        {
            Id = RegistryIds.New(RegistryIds.Replay),
            Types = body.Types is { Count: > 0 } types ? types : target.Types,
            Cursor = body.FromSequence - 1,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
            CreatedBy = actor.Name,
            ReplayName = name,
            ReplayUntil = body.ToSequence,
        };
        var started = ChangeRecorder.Event(EventTypes.ReplayStarted, target.Id, actor, now,
            new { replay_id = replay.Id, name, subscription_id = target.Id, from_sequence = body.FromSequence, to_sequence = body.ToSequence });
        await storage.Subscriptions.AddAsync(replay, [started], ct);
        return new ReplayResponse(replay.Id, name, target.Id);
    }

    private static SubscriptionResponse ToResponse(Subscription s) =>
        new(s.Id, s.Url, s.Types, s.SubjectPattern, s.Cursor, s.Attempts, s.CreatedAt, s.CreatedBy, s.Format);

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid subscription", detail));
}
