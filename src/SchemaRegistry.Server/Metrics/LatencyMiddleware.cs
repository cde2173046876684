using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SchemaRegistry.Server.Metrics;

/// <summary>Times every request into <c>registry_api_latency_ms</c>, labelled by route template (not raw path, to bound cardinality).</summary>
internal sealed class LatencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            RegistryMetrics.ApiLatency
                .WithLabels(route, context.Request.Method, $"{context.Response.StatusCode / 100}xx")
                .Observe(elapsed);
            // The overview's hour counts API calls, not the console's own pages.
            if (!context.Request.Path.StartsWithSegments("/ui"))
            {
                ServiceLevelWindow.Request(elapsed, context.Response.StatusCode, DateTimeOffset.UtcNow);
            }
        }
    }
}
