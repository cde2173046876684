using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The runbook's lifecycle calls, exactly as it writes them, plus submit, approve and reject.</summary>
internal static class LifecycleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Lifecycle").ProducesAuthenticatedErrors();
        group.MapPost("/v1/schema/validate", Validate).RequirePermission(Permission.Validate).RequireAdmission().AcceptsJson<LifecycleRequest>()
            .Produces<ValidationResponse>().ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapGet("/v1/schema/validate", Check).RequirePermission(Permission.Read).RequireAdmission().ProducesErrors(ErrorKind.NotFound);
        MapAction(group, "/v1/schema/submit", SchemaAction.Submit, Permission.Submit);
        MapAction(group, "/v1/schema/approve", SchemaAction.Approve, Permission.Approve);
        MapAction(group, "/v1/schema/reject", SchemaAction.Reject, Permission.Reject);
        MapAction(group, "/v1/schema/publish", SchemaAction.Publish, Permission.Publish);
        MapAction(group, "/v1/schema/deprecate", SchemaAction.Deprecate, Permission.Deprecate);
        MapAction(group, "/schema/deprecate", SchemaAction.Deprecate, Permission.Deprecate);
    }

    private static RouteHandlerBuilder MapAction(IEndpointRouteBuilder app, string route, SchemaAction action, Permission permission) =>
        app.MapPost(route, (HttpContext http, SchemaService service, CancellationToken ct) => Act(action, http, service, ct))
            .RequirePermission(permission)
            .AcceptsJson<LifecycleRequest>()
            .Produces<SchemaResponse>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable)
            .WithName(action + route.Replace('/', '_'));

    private static async Task<Ok<ValidationResponse>> Validate(HttpContext http, SchemaService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LifecycleRequest>(http.Request, ct);
        return TypedResults.Ok(await service.ValidateAsync(body.Fqid, http.User.ToPrincipal(), apply: true, ct));
    }

    private static async Task<Ok<ValidationResponse>> Check(string? fqid, SchemaService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ValidateAsync(fqid, null, apply: false, ct));

    private static async Task<Ok<SchemaResponse>> Act(SchemaAction action, HttpContext http, SchemaService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LifecycleRequest>(http.Request, ct);
        return TypedResults.Ok(await service.ActAsync(action, body, http.User.ToPrincipal(), ct));
    }
}
