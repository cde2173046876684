using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Server.Auth;

namespace SchemaRegistry.Server.Metrics;

/// <summary><c>GET /metrics</c>: the Prometheus text format, with the database-backed gauges read first.</summary>
internal static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", ScrapeAsync).RequirePermission(Core.Security.Permission.Read).ExcludeFromDescription();

    private static async Task ScrapeAsync(HttpContext context, PipelineHealth health, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await health.PublishAsync(
            token => Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, token), cancellationToken);
    }
}
