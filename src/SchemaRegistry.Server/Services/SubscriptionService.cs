using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>Webhook subscriptions: checks a request, names it and stores it with its event; purges a backlog.</summary>
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
        await storage.Subscriptions.AddAsync(subscription, [EventFactory.SubscriptionCreated(subscription, actor, now)], ct);
        return ToResponse(subscription);
    }

    public async Task<List<SubscriptionResponse>> ListAsync(CancellationToken ct) =>
        (await storage.Subscriptions.ListAsync(ct)).Select(ToResponse).ToList();

    public async Task DeleteAsync(string id, Principal actor, CancellationToken ct)
    {
        if (!await storage.Subscriptions.DeleteAsync(id, [EventFactory.SubscriptionDeleted(id, actor, time.GetUtcNow())], ct))
        {
            throw new RegistryException(RegistryError.NotFound($"Subscription {id}"));
        }
    }

    public async Task<List<DeadLetterItem>> DeadLettersAsync(string id, CancellationToken ct)
    {
        _ = await storage.Subscriptions.GetAsync(id, ct) ?? throw new RegistryException(RegistryError.NotFound("The subscription"));
        return (await storage.Subscriptions.DeadLettersAsync(id, ct)).Select(d => new DeadLetterItem(d.Sequence, d.Attempts, d.LastError, d.At)).ToList();
    }

    /// <summary>
    /// The runbook's "purge": the subscription skips its undelivered backlog and resumes at the next event written.
    /// Delivery already under way for it finishes its current request, then cannot move the cursor back.
    /// </summary>
    public async Task<SubscriptionPurgeResponse> PurgeAsync(string id, string? comment, Principal actor, CancellationToken ct)
    {
        Core.Checks.TextLimits.Check(comment, "comment", Core.Checks.TextLimits.Comment);
        var last = await storage.Events.LastSequenceAsync(ct);
        var now = time.GetUtcNow();
        var before = await storage.Subscriptions.PurgeBacklogAsync(id, last, now, previous => [EventFactory.SubscriptionBacklogPurged(id, previous, last, comment, actor, now)], ct)
            ?? throw new RegistryException(RegistryError.NotFound($"Subscription {id}"));
        var cursor = Math.Max(before, last);
        return new SubscriptionPurgeResponse(id, before, cursor, cursor - before);
    }

    private static SubscriptionResponse ToResponse(Subscription s) =>
        new(s.Id, s.Url, s.Types, s.SubjectPattern, s.Cursor, s.Attempts, s.CreatedAt, s.CreatedBy, s.Format);

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid subscription", detail));
}
