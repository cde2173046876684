using System.Net;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

public sealed class MetricsTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metrics_show_latency_by_route_and_errors_by_code_and_need_a_key()
    {
        using var http = _server.Http();
        using var anonymous = _server.Http(token: null);
        await (await anonymous.GetAsync("metrics")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        await (await http.GetAsync("v1/schema/finance.gdp.nothing:v1.0")).ProblemAsync(HttpStatusCode.NotFound, "REG-1001");

        var text = await http.GetStringAsync("metrics");

        Assert.Contains("registry_api_latency_ms_count{route=\"/v1/schema/{fqid}\",method=\"GET\",status=\"4xx\"}", text, StringComparison.Ordinal);
        Assert.Contains("registry_errors_total{code=\"REG-1001\"}", text, StringComparison.Ordinal);
    }
}
