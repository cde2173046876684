using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Webhook subscriptions (schema-admin).</summary>
internal static class SubscriptionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Subscriptions").RequirePermission(Permission.ManageConfig).ProducesAuthenticatedErrors();
        group.MapPost("/v1/subscriptions", Create).AcceptsJson<SubscriptionRequest>();
        group.MapGet("/v1/subscriptions", List);
        group.MapDelete("/v1/subscriptions/{id}", Delete).ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/subscriptions/{id}/dead-letters", DeadLetters).ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/subscriptions/{id}/purge", Purge).AcceptsJson<OperationRequest>(optional: true).ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/subscriptions/{id}/dead-letters/replay", ReplayDeadLetters).AcceptsJson<DeadLetterReplayRequest>(optional: true)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
    }

    private static async Task<Created<SubscriptionResponse>> Create(HttpContext http, SubscriptionService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SubscriptionRequest>(http.Request, ct);
        var subscription = await service.CreateAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/subscriptions/{subscription.Id}", subscription);
    }

    private static async Task<Ok<List<SubscriptionResponse>>> List(SubscriptionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<NoContent> Delete(string id, HttpContext http, SubscriptionService service, CancellationToken ct)
    {
        await service.DeleteAsync(id, http.User.ToPrincipal(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DeadLetterItem>>> DeadLetters(string id, SubscriptionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.DeadLettersAsync(id, ct));

    /// <summary>Skips the subscription's undelivered backlog (the runbook's "purge"; replay what is needed afterwards).</summary>
    private static async Task<Ok<SubscriptionPurgeResponse>> Purge(string id, HttpContext http, SubscriptionService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(http.Request, new OperationRequest(), ct);
        return TypedResults.Ok(await service.PurgeAsync(id, body.Comment, http.User.ToPrincipal(), ct));
    }

    /// <summary>Re-delivers the subscription's dead letters as a replay; each delivered one leaves the dead-letter list.</summary>
    private static async Task<Accepted<ReplayResponse>> ReplayDeadLetters(string id, HttpContext http, ReplayService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(http.Request, new DeadLetterReplayRequest(), ct);
        var accepted = await service.ReplayDeadLettersAsync(id, body.Name, http.User.ToPrincipal(), ct);
        return TypedResults.Accepted($"/v1/events/replays/{accepted.Id}", accepted);
    }
}
