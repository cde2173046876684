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

    private static async Task<IResult> Ready(IRegistryStorage storage, CancellationToken ct) =>
        await storage.PingAsync(ct)
            ? TypedResults.Ok(new { status = "ready", database = storage.DatabaseDescription })
            : TypedResults.Json(new { status = "unavailable", database = storage.DatabaseDescription }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
