using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Registering, editing, reading and listing schema versions.</summary>
internal static class SchemaEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Schemas").ProducesAuthenticatedErrors();
        group.MapPost("/v1/schema", Register).RequirePermission(Permission.WriteDraft).AcceptsJson<RegisterSchemaRequest>()
            .Produces<SchemaResponse>(StatusCodes.Status201Created).ProducesErrors(ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapPut("/v1/schema/{fqid}", Edit).RequirePermission(Permission.WriteDraft).AcceptsJson<RegisterSchemaRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapGet("/v1/schema/{fqid}", Get).RequirePermission(Permission.Read).WithName("GetSchema")
            .Produces<SchemaResponse>().Produces(StatusCodes.Status304NotModified).ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/api/v1/schema/fetch", Fetch).RequirePermission(Permission.Read).WithName("FetchSchema")
            .Produces<SchemaResponse>().Produces(StatusCodes.Status304NotModified).ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/schema/{subject}/versions", Versions).RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/subjects", Subjects).RequirePermission(Permission.Read);
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

    private static async Task<IResult> Get(string fqid, HttpContext http, SchemaService service, CancellationToken ct) =>
        Conditional(http, await service.GetAnswerAsync(fqid, ct));

    private static async Task<IResult> Fetch(string? fqid, HttpContext http, SchemaService service, CancellationToken ct) =>
        Conditional(http, await service.GetAnswerAsync(fqid ?? "", ct));

    /// <summary>Answers 304 when the caller's cached copy (If-None-Match) is still current; else the cached JSON bytes.</summary>
    private static IResult Conditional(HttpContext http, Caching.SchemaAnswer answer)
    {
        http.Response.Headers.ETag = answer.ETag;
        return ETags.Matches(http.Request.Headers.IfNoneMatch, answer.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(answer.Json, "application/json; charset=utf-8");
    }

    private static async Task<Ok<VersionListResponse>> Versions(string subject, SchemaService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListVersionsAsync(subject, ct));

    private static async Task<Ok<SubjectListResponse>> Subjects(string? domain, string? layer, string? q, int? limit, SchemaService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListSubjectsAsync(new SubjectQuery(domain, layer, q, limit ?? 500), ct));
}
