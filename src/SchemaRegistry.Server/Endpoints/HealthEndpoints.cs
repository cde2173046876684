using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Server.Services;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Liveness and readiness, answered without a key.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Health").AllowAnonymous();
        group.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        group.MapGet("/readyz", Ready).Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Only the verdict: anyone may call this, so it names no database path or host (the start-up log does, for
    /// operators).
    /// </summary>
    private static async Task<IResult> Ready(HealthService health, CancellationToken ct) =>
        await health.IsReadyAsync(ct)
            ? TypedResults.Ok(new { status = "ready", database = true })
            : TypedResults.Json(new { status = "unavailable", database = false }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
