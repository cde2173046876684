using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port, as a collector (the CloudWatch agent, ADOT) listens on 4318: it accepts
/// POST /v1/metrics and /v1/traces in http/protobuf, keeps every body, and answers 200 with an empty Export*ServiceResponse.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<byte[]> Metrics { get; } = new();

    public ConcurrentQueue<byte[]> Traces { get; } = new();

    /// <summary>Content types of every request, so a test can check the exporter spoke protobuf.</summary>
    public ConcurrentQueue<string> ContentTypes { get; } = new();

    public string Endpoint => _app.Urls.First();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", (HttpContext http) => receiver.KeepAsync(http, receiver.Metrics));
        app.MapPost("/v1/traces", (HttpContext http) => receiver.KeepAsync(http, receiver.Traces));
        await app.StartAsync();
        return receiver;
    }

    private async Task KeepAsync(HttpContext http, ConcurrentQueue<byte[]> into)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        ContentTypes.Enqueue(http.Request.ContentType ?? "");
        into.Enqueue(body.ToArray());
        http.Response.ContentType = "application/x-protobuf";
        http.Response.ContentLength = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
