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

/// <summary>API key management (schema-admin).</summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Keys").RequirePermission(Permission.ManageKeys).ProducesAuthenticatedErrors();
        group.MapPost("/v1/keys", Create).AcceptsJson<CreateKeyRequest>().Produces<KeyResponse>(StatusCodes.Status201Created).ProducesErrors(ErrorKind.Conflict);
        group.MapGet("/v1/keys", List);
        group.MapDelete("/v1/keys/{id}", Revoke).ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/v1/keys/{id}/rotate", Rotate).AcceptsJson<RotateKeyRequest>(optional: true)
            .Produces<RotateKeyResponse>(StatusCodes.Status201Created).ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
    }

    private static async Task<Created<KeyResponse>> Create(HttpContext http, KeyService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<CreateKeyRequest>(http.Request, ct);
        var key = await service.CreateAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/keys/{key.Id}", key);
    }

    private static async Task<Created<RotateKeyResponse>> Rotate(string id, HttpContext http, KeyService service, CancellationToken ct)
    {
        // The body is optional: no body (or {}) rotates with no grace period.
        var body = await JsonBody.ReadOptionalAsync(http.Request, new RotateKeyRequest(), ct);
        var rotated = await service.RotateAsync(id, body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/keys/{rotated.Key.Id}", rotated);
    }

    private static async Task<Ok<KeyListResponse>> List(KeyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<Ok<KeyResponse>> Revoke(string id, HttpContext http, KeyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RevokeAsync(id, http.User.ToPrincipal(), ct));
}
