using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The pull feed of the event stream, with long-polling up to 30 s. A negative <c>after</c> starts at the newest event:
/// the page holds only what happens from the call on (<c>schemareg events tail</c>'s default).
/// </summary>
internal sealed class EventFeedService(IRegistryStorage storage)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<EventPage> ReadAsync(long? after, string? type, string? subject, int? limit, int? wait, CancellationToken ct)
    {
        var cursor = after < 0 ? await storage.Events.LastSequenceAsync(ct) : after ?? 0;
        var deadline = DateTime.UtcNow.AddSeconds(Math.Clamp(wait ?? 0, 0, 30));
        while (true)
        {
            var events = await storage.Events.ReadAsync(cursor, limit ?? 100, type, subject, ct);
            if (events.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return new EventPage(events.Select(CloudEvents.From).ToList(), events.Count > 0 ? events[^1].Sequence : cursor);
            }
            await Task.Delay(PollInterval, ct);
        }
    }
}
