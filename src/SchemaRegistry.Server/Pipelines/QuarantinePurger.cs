using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>Purges quarantines older than <see cref="RegistryOptions.QuarantineRetentionDays"/>, hourly.</summary>
internal sealed class QuarantinePurger(QuarantineService quarantine, RegistryOptions options, ILogger<QuarantinePurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var purged = await quarantine.PurgeAsync(options.QuarantineRetentionDays, stoppingToken);
                if (purged.Batches > 0)
                {
                    logger.LogInformation("Purged the quarantine of {Batches} batches older than {Days} days.", purged.Batches, options.QuarantineRetentionDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Quarantine purge failed; it is retried in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
