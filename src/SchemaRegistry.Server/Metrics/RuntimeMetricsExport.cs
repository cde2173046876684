namespace SchemaRegistry.Server.Metrics;

/// <summary>
/// What <c>/metrics</c> republishes besides the registry's own metrics: the runtime's meter (GC, thread pool, memory,
/// CPU) and prometheus-net's process metrics. By default prometheus-net also republishes every other .NET meter and
/// listens to the event counters of ASP.NET Core, Kestrel and others at Informational level, which makes ASP.NET Core
/// write two events on every request. <c>registry_api_latency_ms</c> already times every request.
/// </summary>
internal static class RuntimeMetricsExport
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Prometheus.Metrics.ConfigureMeterAdapter(options =>
            options.InstrumentFilterPredicate = instrument => instrument.Meter.Name == "System.Runtime");
        Prometheus.Metrics.ConfigureEventCounterAdapter(options => options.EventSourceFilterPredicate = _ => false);
        return true;
    });

    /// <summary>Must run before the first metric is created (the adapters start with the default registry).</summary>
    public static void Configure() => _ = Configured.Value;
}
