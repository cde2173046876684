using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>The pull feed of the event stream, with long-polling: <c>GET /v1/events?after=SEQ&amp;type=&amp;subject=&amp;wait=SECONDS</c>.</summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/events", Read).RequirePermission(Permission.Read);

    private static async Task<Ok<EventPage>> Read(long? after, string? type, string? subject, int? limit, int? wait, IRegistryStorage storage, CancellationToken ct)
    {
        var cursor = Math.Max(0, after ?? 0);
        var deadline = DateTime.UtcNow.AddSeconds(Math.Clamp(wait ?? 0, 0, 30));
        while (true)
        {
            var events = await storage.Events.ReadAsync(cursor, limit ?? 100, type, subject, ct);
            if (events.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return TypedResults.Ok(new EventPage(events.Select(CloudEvents.From).ToList(), events.Count > 0 ? events[^1].Sequence : cursor));
            }
            await Task.Delay(PollInterval, ct);
        }
    }
}
