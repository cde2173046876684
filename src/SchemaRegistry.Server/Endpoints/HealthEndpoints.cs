using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Services;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Liveness and readiness, answered without a key.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Health").AllowAnonymous();
        group.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok", version = ProductVersion.Current }));
        group.MapGet("/readyz", Ready).Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Only the verdicts: anyone may call this, so it names no database path, host or bucket (the start-up log does,
    /// for operators).
    /// </summary>
    private static async Task<IResult> Ready(HealthService health, CancellationToken ct)
    {
        var readiness = await health.CheckAsync(ct);
        var body = new { status = readiness.Ready ? "ready" : "unavailable", database = readiness.Database, blob_store = readiness.BlobStore };
        return readiness.Ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
