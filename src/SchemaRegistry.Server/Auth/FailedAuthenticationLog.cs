using Microsoft.Extensions.Logging;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Logs failed authentications sampled: each at Debug, and at most one Information line per
/// <see cref="Interval"/> counting those since the last (5,000 bad keys make a few lines, not 5,000).
/// </summary>
internal sealed class FailedAuthenticationLog(ILogger<FailedAuthenticationLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _unreported;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public void Failed(string reason, string? remoteAddress)
    {
        logger.LogDebug("Authentication failed from {Remote}: {Reason}", remoteAddress, reason);
        long count;
        lock (_gate)
        {
            _unreported++;
            var now = time.GetUtcNow();
            if (now - _lastReport < Interval)
            {
                return;
            }
            count = _unreported;
            _unreported = 0;
            _lastReport = now;
        }
        logger.LogInformation("{Count} failed authentication(s) since the last report; the latest from {Remote}: {Reason}", count, remoteAddress, reason);
    }
}
