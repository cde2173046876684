using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The whole registry as one backup archive, streamed while the registry keeps serving (schema-admin).</summary>
internal static class BackupEndpoints
{
    public const string ArchiveContentType = "application/gzip";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Backup").RequirePermission(Permission.Backup).ProducesAuthenticatedErrors();
        group.MapGet("/v1/admin/export", Export).Produces(StatusCodes.Status200OK, typeof(Stream), ArchiveContentType);
    }

    private static async Task Export(HttpContext http, BackupService service, TimeProvider time, CancellationToken ct)
    {
        // Streamed as it is read: no buffering of the response, whatever the registry's size.
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var name = string.Create(CultureInfo.InvariantCulture, $"schemareg-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.ndjson.gz");
        http.Response.ContentType = ArchiveContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await service.ExportAsync(http.Response.Body, ct);
    }
}
