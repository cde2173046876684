using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The pull feed of the event stream, with long-polling: <c>GET /v1/events?after=SEQ&amp;type=&amp;subject=&amp;wait=SECONDS</c>.</summary>
internal static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Events").RequirePermission(Permission.Read).ProducesAuthenticatedErrors();
        group.MapGet("/v1/events", Read);
    }

    private static async Task<Ok<EventPage>> Read(long? after, string? type, string? subject, int? limit, int? wait, EventFeedService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ReadAsync(after, type, subject, limit, wait, ct));
}
