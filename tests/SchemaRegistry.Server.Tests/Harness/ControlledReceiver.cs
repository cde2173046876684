using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>
/// A webhook receiver on loopback whose answer the test sets (<see cref="Status"/>) and that can hold each delivery
/// until released (<see cref="Hold"/>, <see cref="Release"/>), so a delivery is in flight exactly when the test says.
/// </summary>
public sealed class ControlledReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile TaskCompletionSource? _gate;

    private ControlledReceiver(WebApplication app) => _app = app;

    /// <summary>One request: the CloudEvent's sequence, its replayname (or null), and the status answered.</summary>
    public sealed record Delivery(long Sequence, string Subject, string? ReplayName, int Status);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int Status { get; set; } = 200;

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<ControlledReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new ControlledReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            var status = receiver.Status;
            receiver.Deliveries.Enqueue(new Delivery(body.GetProperty("sequence").GetInt64(), body.GetProperty("subject").GetString()!,
                body.TryGetProperty("replayname", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null, status));
            if (receiver._gate is { } gate)
            {
                await gate.Task;
            }
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>From now on each delivery waits until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var gate = _gate;
        _gate = null;
        gate?.TrySetResult();
    }

    public IReadOnlyList<Delivery> Replayed(string name) => Deliveries.Where(d => d.ReplayName == name).ToList();

    public Task<bool> WaitAsync(Func<IReadOnlyCollection<Delivery>, bool> condition, TimeSpan timeout) =>
        Eventually.TrueAsync(() => condition(Deliveries.ToArray()), timeout);

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
