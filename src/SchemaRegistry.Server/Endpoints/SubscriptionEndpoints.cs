using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Webhook subscriptions (schema-admin).</summary>
internal static class SubscriptionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/subscriptions", Create).RequirePermission(Permission.ManageConfig);
        app.MapGet("/v1/subscriptions", List).RequirePermission(Permission.ManageConfig);
        app.MapDelete("/v1/subscriptions/{id}", Delete).RequirePermission(Permission.ManageConfig);
        app.MapGet("/v1/subscriptions/{id}/dead-letters", DeadLetters).RequirePermission(Permission.ManageConfig);
        app.MapPost("/v1/events/replay", Replay).RequirePermission(Permission.ManageConfig);
    }

    private static async Task<Created<SubscriptionResponse>> Create(HttpContext http, IRegistryStorage storage, TimeProvider time, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SubscriptionRequest>(http.Request, ct);
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
        var subscription = new Subscription("sub_" + Guid.NewGuid().ToString("N")[..16], url.AbsoluteUri, body.Types ?? [], body.SubjectPattern ?? "",
            body.Secret, cursor, 0, now, now, http.User.ToPrincipal().Name, Format: body.Format ?? Subscription.CloudEventsFormat);
        var created = ChangeRecorder.Event(EventTypes.SubscriptionCreated, subscription.Id, http.User.ToPrincipal(), now,
            new { subscription_id = subscription.Id, url = subscription.Url, types = subscription.Types, subject_pattern = subscription.SubjectPattern, format = subscription.Format });
        await storage.Subscriptions.AddAsync(subscription, [created], ct);
        return TypedResults.Created($"/v1/subscriptions/{subscription.Id}", ToResponse(subscription));
    }

    private static async Task<Ok<List<SubscriptionResponse>>> List(IRegistryStorage storage, CancellationToken ct) =>
        TypedResults.Ok((await storage.Subscriptions.ListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<NoContent> Delete(string id, HttpContext http, IRegistryStorage storage, TimeProvider time, CancellationToken ct)
    {
        var deleted = ChangeRecorder.Event(EventTypes.SubscriptionDeleted, id, http.User.ToPrincipal(), time.GetUtcNow(), new { subscription_id = id });
        if (!await storage.Subscriptions.DeleteAsync(id, [deleted], ct))
        {
            throw new RegistryException(RegistryError.NotFound($"Subscription {id}"));
        }
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DeadLetterItem>>> DeadLetters(string id, IRegistryStorage storage, CancellationToken ct)
    {
        _ = await storage.Subscriptions.GetAsync(id, ct) ?? throw new RegistryException(RegistryError.NotFound("The subscription"));
        return TypedResults.Ok((await storage.Subscriptions.DeadLettersAsync(id, ct)).Select(d => new DeadLetterItem(d.Sequence, d.Attempts, d.LastError, d.At)).ToList());
    }

    /// <summary>The runbook's "purge + replay": a temporary subscription that re-delivers a range, then ends.</summary>
    private static async Task<Accepted<ReplayResponse>> Replay(HttpContext http, IRegistryStorage storage, TimeProvider time, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ReplayRequest>(http.Request, ct);
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
            Id = "rpl_" + Guid.NewGuid().ToString("N")[..16],
            Types = body.Types is { Count: > 0 } types ? types : target.Types,
            Cursor = body.FromSequence - 1,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
            CreatedBy = http.User.ToPrincipal().Name,
            ReplayName = name,
            ReplayUntil = body.ToSequence,
        };
        var started = ChangeRecorder.Event(EventTypes.ReplayStarted, target.Id, http.User.ToPrincipal(), now,
            new { replay_id = replay.Id, name, subscription_id = target.Id, from_sequence = body.FromSequence, to_sequence = body.ToSequence });
        await storage.Subscriptions.AddAsync(replay, [started], ct);
        return TypedResults.Accepted((string?)null, new ReplayResponse(replay.Id, name, target.Id));
    }

    private static SubscriptionResponse ToResponse(Subscription s) =>
        new(s.Id, s.Url, s.Types, s.SubjectPattern, s.Cursor, s.Attempts, s.CreatedAt, s.CreatedBy, s.Format);

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid subscription", detail));
}
