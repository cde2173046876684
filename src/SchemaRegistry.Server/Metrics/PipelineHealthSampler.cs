using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SchemaRegistry.Server.Metrics;

/// <summary>Keeps the database-backed gauges fresh for OTLP export, which has no scrape to trigger a read.</summary>
internal sealed partial class PipelineHealthSampler(PipelineHealth health, TelemetryOptions options, ILogger<PipelineHealthSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Max(1000, Math.Min(options.RefreshSeconds * 1000.0, options.Otlp.ExportIntervalMs)));
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await health.PublishAsync(null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SampleFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the pipeline gauges from the database failed: {Error}")]
    private static partial void SampleFailed(ILogger logger, string error);
}
