using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>A webhook receiver on a loopback port that records every delivery and fails the first N of them.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failures)
    {
        _app = app;
        _failuresLeft = failures;
    }

    public sealed record Delivery(string Body, string Signature, string EventId, int Status);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 500 : 200;
            receiver.Deliveries.Enqueue(new Delivery(body, http.Request.Headers["X-Schemareg-Signature"].ToString(),
                http.Request.Headers["X-Schemareg-Event-Id"].ToString(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public Task<bool> WaitAsync(Func<IReadOnlyCollection<Delivery>, bool> condition, TimeSpan timeout) =>
        Eventually.TrueAsync(() => condition(Deliveries.ToArray()), timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
