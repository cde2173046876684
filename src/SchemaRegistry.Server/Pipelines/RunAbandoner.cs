using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Abandons runs that went silent (no batch, no heartbeat) for <see cref="RegistryOptions.AbandonRunsAfterSeconds"/>:
/// the job died without reporting, which would otherwise leave the run <c>running</c> forever. Every replica sweeps;
/// the store's conditional update lets exactly one of them abandon a run and write its <c>PipelineFailed</c>.
/// </summary>
internal sealed class RunAbandoner(IRegistryStorage storage, RegistryOptions options, TimeProvider time, ILogger<RunAbandoner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AbandonRunsAfterSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.AbandonSweepSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The sweep for abandoned runs failed; it is retried at the next tick.");
            }
        }
    }

    /// <summary>Abandons every run silent for longer than the setting; returns how many this replica abandoned.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var after = TimeSpan.FromSeconds(options.AbandonRunsAfterSeconds);
        var silentSince = now - after;
        var abandoned = 0;
        foreach (var runId in await storage.Pipelines.ListSilentRunsAsync(silentSince, 100, cancellationToken))
        {
            if (await storage.Pipelines.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Running } run)
            {
                continue;
            }
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{ErrorCode.InvocationError}: no batch or heartbeat for {after.TotalSeconds:0.###} s (Registry:AbandonRunsAfterSeconds); the job stopped without completing the run.");
            if (await storage.Pipelines.AbandonRunAsync(run.RunId, silentSince, now, reason, EventFactory.RunAbandoned(run, reason, now), cancellationToken))
            {
                abandoned++;
                Metrics.PipelineMetrics.RunCompleted(WireNames.Of(RunStatus.Abandoned));
                logger.LogWarning("Run {RunId} of {PipelineId} abandoned: {Reason}", run.RunId, run.PipelineId, reason);
            }
        }
        return abandoned;
    }
}
