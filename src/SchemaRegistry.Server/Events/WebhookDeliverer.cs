using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Events;

/// <summary>
/// Delivers events to webhook subscriptions, in order, at least once: each delivery is signed
/// (<c>X-Schemareg-Signature: sha256=HMAC(secret, body)</c>) and retried with exponential backoff and jitter; after
/// the retry budget the event is dead-lettered and delivery moves on. Progress is stored, so it survives restarts;
/// a lease per subscription keeps replicas from delivering for the same subscription at once.
/// </summary>
internal sealed class WebhookDeliverer(IRegistryStorage storage, OpenLineageEvents openLineage, RegistryOptions options, TimeProvider time, ILogger<WebhookDeliverer> logger) : BackgroundService
{
    public const string SignatureHeader = "X-Schemareg-Signature";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const int PageSize = 200;
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public const string OpenLineageSubscriptionId = "openlineage";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureOpenLineageSubscriptionAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var subscription in await storage.Subscriptions.LeaseDueAsync(_owner, time.GetUtcNow(), Lease, stoppingToken))
                {
                    await DeliverAsync(subscription, stoppingToken);
                }
                await HousekeepingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook delivery pass failed; retrying.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.DeliveryPollMs), time, stoppingToken);
        }
    }

    /// <summary><c>Registry:OpenLineageUrl</c> is a subscription like any other (retries, dead letters, cursor), in the OpenLineage format.</summary>
    private async Task EnsureOpenLineageSubscriptionAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.OpenLineageUrl))
        {
            return;
        }
        var existing = await storage.Subscriptions.GetAsync(OpenLineageSubscriptionId, cancellationToken);
        if (existing?.Url == options.OpenLineageUrl && existing.Format == Subscription.OpenLineageFormat)
        {
            return;
        }
        if (existing is not null)
        {
            await storage.Subscriptions.DeleteAsync(existing.Id, [], cancellationToken);
        }
        var now = time.GetUtcNow();
        var cursor = existing?.Cursor ?? await storage.Events.LastSequenceAsync(cancellationToken);
        await storage.Subscriptions.AddAsync(new Subscription(OpenLineageSubscriptionId, options.OpenLineageUrl,
            [Core.Events.EventTypes.RunStarted, Core.Events.EventTypes.RunCompleted], "", Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
            cursor, 0, now, now, "configuration", Format: Subscription.OpenLineageFormat), [], cancellationToken);
    }

    private DateTimeOffset _nextHousekeeping;

    /// <summary>Once a minute: the outbox-lag gauge, and the archive retention (events and ended replays).</summary>
    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextHousekeeping)
        {
            return;
        }
        _nextHousekeeping = now.AddMinutes(1);
        var last = await storage.Events.LastSequenceAsync(cancellationToken);
        var subscriptions = await storage.Subscriptions.ListAsync(cancellationToken);
        Metrics.RegistryMetrics.OutboxLag.Set(subscriptions.Count == 0 ? 0 : last - subscriptions.Min(s => s.Cursor));
        var purged = await storage.Events.PurgeAsync(now.AddDays(-options.EventRetentionDays), cancellationToken);
        // Ended replays stay listed as long as the events they re-delivered are archived.
        await storage.Subscriptions.PurgeEndedReplaysAsync(now.AddDays(-options.EventRetentionDays), cancellationToken);
        if (purged > 0)
        {
            Metrics.RegistryMetrics.EventsPurged.Inc(purged);
            logger.LogInformation("Purged {Count} events older than {Days} days.", purged, options.EventRetentionDays);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var cursor = subscription.Cursor;
        var attempts = subscription.Attempts;
        var next = time.GetUtcNow();
        // Page after page while pages come full (a backlog), within half the lease, so delivery keeps up with bursts.
        var started = time.GetUtcNow();
        var more = true;
        // A dead-letter replay re-delivers only the events its subscription gave up on.
        var only = subscription.Replay is { DeadLettersOnly: true, Of: { } of }
            ? (await storage.Subscriptions.DeadLettersAsync(of, cancellationToken)).Select(d => d.Sequence).ToHashSet()
            : null;
        while (more)
        {
            var page = await storage.Events.ReadAsync(cursor, PageSize, null, null, cancellationToken);
            more = page.Count == PageSize && time.GetUtcNow() - started < Lease / 2;
            foreach (var stored in page)
            {
                if (stored.Sequence > subscription.ReplayUntil)
                {
                    more = false;
                    break;
                }
                if ((subscription.Types.Count > 0 && !subscription.Types.Contains(stored.Type)) || !SubjectPattern.Matches(subscription.SubjectPattern, stored.Subject)
                    || (only is not null && !only.Contains(stored.Sequence)))
                {
                    cursor = stored.Sequence;
                    continue;
                }
                var body = subscription.Format == Subscription.OpenLineageFormat
                    ? await openLineage.BuildAsync(stored, cancellationToken)
                    : JsonSerializer.SerializeToUtf8Bytes(CloudEvents.From(stored) with { ReplayName = subscription.ReplayName }, RegistryJson.Options);
                if (body is null)
                {
                    cursor = stored.Sequence;
                    continue;
                }
                if (subscription.ReplayName is not null && !await StillRunningAsync(subscription.Id, cancellationToken))
                {
                    // Cancelled while this pass delivered: stop before the next event, not at the next pass.
                    more = false;
                    break;
                }
                var error = await PostAsync(subscription, body, stored.Id, cancellationToken);
                Metrics.RegistryMetrics.Deliveries.WithLabels(error is null ? "delivered" : "failed").Inc();
                if (error is null)
                {
                    if (only is not null)
                    {
                        await storage.Subscriptions.RemoveDeadLetterAsync(subscription.Replay!.Of!, stored.Sequence, cancellationToken);
                    }
                    (cursor, attempts) = (stored.Sequence, 0);
                    continue;
                }
                attempts++;
                if (attempts >= options.WebhookRetries)
                {
                    await storage.Subscriptions.AddDeadLetterAsync(new DeadLetter(subscription.Id, stored.Sequence, attempts, error, time.GetUtcNow()), cancellationToken);
                    Metrics.RegistryMetrics.DeadLetters.Inc();
                    logger.LogWarning("Event {Sequence} dead-lettered for subscription {Id} after {Attempts} attempts: {Error}", stored.Sequence, subscription.Id, attempts, error);
                    (cursor, attempts) = (stored.Sequence, 0);
                    continue;
                }
                next = time.GetUtcNow() + Backoff(attempts);
                more = false;
                break;
            }
        }
        if (subscription.ReplayUntil is { } until && cursor >= until)
        {
            // A replay ends when its range has been delivered; it stays listed, completed (unless cancelled meanwhile).
            await storage.Subscriptions.CompleteReplayAsync(subscription.Id, until, time.GetUtcNow(), cancellationToken);
            return;
        }
        await storage.Subscriptions.SaveProgressAsync(subscription.Id, _owner, cursor, attempts, next, cancellationToken);
    }

    private async Task<bool> StillRunningAsync(string replayId, CancellationToken cancellationToken) =>
        (await storage.Subscriptions.GetAsync(replayId, cancellationToken))?.Replay is { State: ReplayProgress.Running };

    /// <summary>base × 2^(attempt−1), times a random factor in [0.5, 1.5) so failing receivers are not hit in step.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(options.WebhookBackoffMs * Math.Pow(2, Math.Min(attempt - 1, 16)) * (0.5 + Random.Shared.NextDouble()));

    private async Task<string?> PostAsync(Subscription subscription, byte[] body, string eventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            subscription.Format == Subscription.OpenLineageFormat ? "application/json" : CloudEvents.MediaType);
        request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscription.Secret), body)));
        request.Headers.Add("X-Schemareg-Event-Id", eventId);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }
}
