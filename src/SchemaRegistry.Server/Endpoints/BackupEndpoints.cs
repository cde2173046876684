using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The whole registry as one backup archive, streamed while the registry keeps serving (schema-admin).</summary>
internal static class BackupEndpoints
{
    public const string ArchiveContentType = "application/gzip";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/admin/export", Export).RequirePermission(Permission.Backup);

    private static async Task Export(HttpContext http, IRegistryStorage storage, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        // Streamed as it is read: no buffering of the response, whatever the registry's size.
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var name = string.Create(CultureInfo.InvariantCulture, $"schemareg-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.ndjson.gz");
        http.Response.ContentType = ArchiveContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        var manifest = await storage.Backup.ExportAsync(http.Response.Body, ct);
        loggers.CreateLogger("SchemaRegistry.Backup").LogInformation(
            "Exported the registry: {Events} events up to sequence {LastEvent}, {Ledger} ledger entries, {Blobs} blob rows, content SHA-256 {Sha256}",
            manifest.RowsOf("events"), manifest.LastEventSequence, manifest.RowsOf("audit_log"), manifest.RowsOf("blobs"), manifest.Sha256);
    }
}
