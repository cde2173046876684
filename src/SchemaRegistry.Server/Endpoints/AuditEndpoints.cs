using System.Text.Json;
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

/// <summary>The governance ledger: query it, export it whole as NDJSON (for <c>schemareg audit verify</c> and backups).</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Audit").RequirePermission(Permission.ReadAudit).ProducesAuthenticatedErrors();
        group.MapGet("/v1/audit", Query);
        group.MapGet("/v1/audit/export", Export).Produces<AuditEntryResponse>(StatusCodes.Status200OK, "application/x-ndjson");
        group.MapGet("/v1/audit/annotations", Annotations);
        app.MapGroup("").WithTags("Audit").RequirePermission(Permission.AnnotateAudit).ProducesAuthenticatedErrors()
            .MapPost("/v1/audit/annotations", Annotate).AcceptsJson<AnnotationRequest>().ProducesErrors(ErrorKind.NotFound);
    }

    /// <summary><paramref name="incident"/> keeps the entries that tag that incident (see <c>POST /v1/audit/annotations</c>).</summary>
    private static Task<List<AuditEntryResponse>> Query(long? after, string? target, string? principal, DateTimeOffset? from, int? limit, string? incident,
        AuditService service, CancellationToken ct) =>
        service.QueryAsync(after, target, principal, from, limit, incident, ct);

    /// <summary>The ledger entries that tag an incident, in order.</summary>
    private static async Task<Ok<List<AuditEntryResponse>>> Annotations(string? incident, AnnotationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.FindAsync(incident, ct));

    /// <summary>Tags FQIDs and runs with an incident: one chained ledger entry per target; answers the incident's entries so far.</summary>
    private static async Task<Created<List<AuditEntryResponse>>> Annotate(HttpContext http, AnnotationService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<AnnotationRequest>(http.Request, ct);
        var entries = await service.AnnotateAsync(body, http.User.ToPrincipal(), ct);
        return TypedResults.Created($"/v1/audit/annotations?incident={Uri.EscapeDataString(body.Incident!)}", entries);
    }

    /// <summary>Every entry in order, streamed as NDJSON.</summary>
    private static async Task Export(HttpContext http, AuditService service, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson";
        await foreach (var entry in service.ReadAllAsync(ct))
        {
            await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(entry, RegistryJson.Options), ct);
            await http.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
        }
    }
}
