using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Liveness and readiness, answered without a key.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapGet("/readyz", Ready).AllowAnonymous();
    }

    /// <summary>
    /// Only the verdict: anyone may call this, so it names no database path or host (the start-up log does, for
    /// operators).
    /// </summary>
    private static async Task<IResult> Ready(IRegistryStorage storage, CancellationToken ct) =>
        await storage.PingAsync(ct)
            ? TypedResults.Ok(new { status = "ready", database = true })
            : TypedResults.Json(new { status = "unavailable", database = false }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
