using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Event replays (schema-admin): start one by sequence or time window, list them with progress, cancel one.</summary>
internal static class ReplayEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Subscriptions").RequirePermission(Permission.ManageConfig).ProducesAuthenticatedErrors();
        group.MapPost("/v1/events/replay", Start).AcceptsJson<ReplayRequest>().ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/events/replays", List);
        group.MapGet("/v1/events/replays/{id}", Get).ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/events/replays/{id}/cancel", Cancel).AcceptsJson<OperationRequest>(optional: true).ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
    }

    private static async Task<Accepted<ReplayResponse>> Start(HttpContext http, ReplayService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ReplayRequest>(http.Request, ct);
        var accepted = await service.StartAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Accepted($"/v1/events/replays/{accepted.Id}", accepted);
    }

    /// <summary>Every replay, newest first, running or ended, with how far it has come.</summary>
    private static async Task<Ok<List<ReplayStatusResponse>>> List(ReplayService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<Ok<ReplayStatusResponse>> Get(string id, ReplayService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    /// <summary>Stops a running replay where it is (409 when it has already completed or been cancelled).</summary>
    private static async Task<Ok<ReplayStatusResponse>> Cancel(string id, HttpContext http, ReplayService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(http.Request, new OperationRequest(), ct);
        return TypedResults.Ok(await service.CancelAsync(id, body.Comment, http.User.ToPrincipal(), ct));
    }
}
