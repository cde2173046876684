using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The governance ledger: query it, export it whole as NDJSON (for <c>schemareg audit verify</c> and backups).</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/audit", Query).RequirePermission(Permission.ReadAudit);
        app.MapGet("/v1/audit/export", Export).RequirePermission(Permission.ReadAudit);
    }

    private static async Task<List<AuditEntryResponse>> Query(long? after, string? target, string? principal, DateTimeOffset? from, int? limit,
        IRegistryStorage storage, CancellationToken ct)
    {
        if (after < 0 || limit is < 1 or > 10_000)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid query", "after must be ≥ 0 and limit 1 to 10,000."));
        }
        var entries = await storage.Audit.ReadAsync(new AuditQuery(after ?? 0, target, principal, from, limit ?? 1000), ct);
        return entries.Select(ToResponse).ToList();
    }

    /// <summary>Every entry in order, streamed page by page as NDJSON.</summary>
    private static async Task Export(HttpContext http, IRegistryStorage storage, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson";
        long after = 0;
        while (true)
        {
            var page = await storage.Audit.ReadAsync(new AuditQuery(after, Limit: 5000), ct);
            foreach (var entry in page)
            {
                await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(ToResponse(entry), RegistryJson.Options), ct);
                await http.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
                after = entry.Sequence;
            }
            if (page.Count < 5000)
            {
                return;
            }
        }
    }

    public static AuditEntryResponse ToResponse(AuditEntry e) =>
        new(e.Sequence, e.At, e.Principal, e.Role, e.Action, e.Target, e.Reason, e.BeforeHash, e.AfterHash, e.PreviousHash, e.Hash);
}
