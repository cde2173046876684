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
        group.MapPost("/v1/events/replay", Replay).AcceptsJson<ReplayRequest>().ProducesErrors(ErrorKind.NotFound);
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

    private static async Task<Accepted<ReplayResponse>> Replay(HttpContext http, SubscriptionService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ReplayRequest>(http.Request, ct);
        return TypedResults.Accepted((string?)null, await service.ReplayAsync(body, http.User.ToPrincipal(), ct));
    }
}
