using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Registering, editing, reading and listing schema versions.</summary>
internal static class SchemaEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/schema", Register).RequirePermission(Permission.WriteDraft).Produces<SchemaResponse>(StatusCodes.Status201Created);
        app.MapPut("/v1/schema/{fqid}", Edit).RequirePermission(Permission.WriteDraft);
        app.MapGet("/v1/schema/{fqid}", Get).RequirePermission(Permission.Read);
        app.MapGet("/api/v1/schema/fetch", Fetch).RequirePermission(Permission.Read);
        app.MapGet("/v1/schema/{subject}/versions", Versions).RequirePermission(Permission.Read);
        app.MapGet("/v1/subjects", Subjects).RequirePermission(Permission.Read);
    }

    private static async Task<Created<SchemaResponse>> Register(HttpContext http, SchemaService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<RegisterSchemaRequest>(http.Request, ct);
        var created = await service.RegisterAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/schema/{created.Fqid}", created);
    }

    private static async Task<Ok<SchemaResponse>> Edit(string fqid, HttpContext http, SchemaService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<RegisterSchemaRequest>(http.Request, ct);
        return TypedResults.Ok(await service.EditAsync(fqid, body, http.User.ToPrincipal(), ct));
    }

    private static async Task<Results<Ok<SchemaResponse>, StatusCodeHttpResult>> Get(string fqid, HttpContext http, SchemaService service, CancellationToken ct) =>
        Conditional(http, await service.GetAsync(fqid, ct));

    private static async Task<Results<Ok<SchemaResponse>, StatusCodeHttpResult>> Fetch(string? fqid, HttpContext http, SchemaService service, CancellationToken ct) =>
        Conditional(http, await service.GetAsync(fqid ?? "", ct));

    /// <summary>Answers 304 when the caller's cached copy (If-None-Match) is still current.</summary>
    private static Results<Ok<SchemaResponse>, StatusCodeHttpResult> Conditional(HttpContext http, SchemaResponse schema)
    {
        var etag = ETags.Of(schema);
        http.Response.Headers.ETag = etag;
        return ETags.Matches(http.Request.Headers.IfNoneMatch, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(schema);
    }

    private static async Task<Ok<VersionListResponse>> Versions(string subject, SchemaService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListVersionsAsync(subject, ct));

    private static async Task<Ok<SubjectListResponse>> Subjects(string? domain, string? layer, string? q, int? limit, SchemaService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListSubjectsAsync(new SubjectQuery(domain, layer, q, limit ?? 500), ct));
}
