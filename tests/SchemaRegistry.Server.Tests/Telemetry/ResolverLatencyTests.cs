using System.Diagnostics.Metrics;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Telemetry;

/// <summary>
/// The SDK measures resolver latency where the pipeline sees it: <c>schema.resolver_latency_ms</c> on the
/// <see cref="SchemaResolver.MeterName"/> meter, tagged with where the answer came from.
/// </summary>
public sealed class ResolverLatencyTests : IAsyncLifetime
{
    // Measurements are recorded on the caller's flow (the cached path synchronously, a fetch in its continuation), so
    // this flag tells this test's measurements from those of tests running beside it.
    private static readonly AsyncLocal<bool> Mine = new();

    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_resolve_records_its_latency_tagged_registry_cache_or_error()
    {
        using (var admin = _server.Client())
        {
            await admin.RegisterAsync(Schemas.Draft("finance.gdp.latency:v1.0"));
            await admin.PublishAsync("finance.gdp.latency:v1.0", force: true, reason: "resolver latency");
        }
        var measured = new List<(string Instrument, double Value, string? Source)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SchemaResolver.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (Mine.Value)
            {
                var source = tags.ToArray().FirstOrDefault(t => t.Key == "source").Value as string;
                lock (measured)
                {
                    measured.Add((instrument.Name, value, source));
                }
            }
        });
        listener.Start();
        using var resolver = new SchemaResolver(_server.BaseAddress, RegistryServer.AdminToken);
        Mine.Value = true;

        await resolver.ResolveAsync("finance.gdp.latency:v1.0");
        await resolver.ResolveAsync("finance.gdp.latency:v1.0");
        await resolver.ResolveAsync("finance.gdp.latency:v1.0");
        await Assert.ThrowsAsync<RegistryApiException>(async () => await resolver.ResolveAsync("finance.gdp.latency:v9.0"));

        Assert.Equal(["registry", "cache", "cache", "error"], measured.Select(m => m.Source));
        Assert.All(measured, m => Assert.Equal("schema.resolver_latency_ms", m.Instrument));
        Assert.All(measured, m => Assert.True(m.Value >= 0));
    }
}
