using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Caching;

/// <summary>
/// Follows the event stream and drops the cached answers of every subject that changed, so a replica sees another
/// replica's publication (a new <c>latest</c>) within <see cref="Interval"/>.
/// </summary>
internal sealed class ChangeWatcher(IRegistryStorage storage, SchemaReadCache cache, ILogger<ChangeWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long cursor = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (cursor < 0)
                {
                    cursor = await storage.Events.LastSequenceAsync(stoppingToken);
                    cache.Clear();
                }
                IReadOnlyList<StoredEvent> page;
                do
                {
                    page = await storage.Events.ReadAsync(cursor, 1000, null, null, stoppingToken);
                    foreach (var change in page)
                    {
                        var colon = change.Subject.IndexOf(':', StringComparison.Ordinal);
                        cache.Invalidate(colon < 0 ? change.Subject : change.Subject[..colon]);
                        cursor = change.Sequence;
                    }
                }
                while (page.Count == 1000);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the stream the cache cannot be trusted: start over from the current end.
                logger.LogWarning(e, "Following the event stream failed; the schema cache is cleared.");
                cache.Clear();
                cursor = -1;
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }
}
