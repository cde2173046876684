using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The governance ledger: query it, export it whole as NDJSON (for <c>schemareg audit verify</c> and backups).</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Audit").RequirePermission(Permission.ReadAudit).ProducesAuthenticatedErrors();
        group.MapGet("/v1/audit", Query);
        group.MapGet("/v1/audit/export", Export).Produces<AuditEntryResponse>(StatusCodes.Status200OK, "application/x-ndjson");
    }

    private static Task<List<AuditEntryResponse>> Query(long? after, string? target, string? principal, DateTimeOffset? from, int? limit,
        AuditService service, CancellationToken ct) =>
        service.QueryAsync(after, target, principal, from, limit, ct);

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
