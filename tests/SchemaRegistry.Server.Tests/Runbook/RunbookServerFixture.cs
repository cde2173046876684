using System.Net;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// A registry on loopback, with the keys the runbook's roles hold and <c>finance.gdp.invoice:v1.0</c> published
/// through governance; each test starts its own, with the settings it needs.
/// </summary>
public abstract class RunbookServerFixture(Store store) : IAsyncLifetime
{
    protected const string Subject = "finance.gdp.invoice";

    protected const string V1 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private readonly List<IDisposable> _clients = [];
    private RegistryServer? _server;

    protected RegistryServer Server => _server ?? throw new InvalidOperationException("StartAsync first.");
    protected RegistryClient Admin { get; private set; } = null!;
    protected RegistryClient Approver { get; private set; } = null!;
    protected RegistryClient Runner { get; private set; } = null!;
    protected RegistryClient Ops { get; private set; } = null!;
    protected string RunnerKey { get; private set; } = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected async Task StartAsync(Dictionary<string, string?>? settings = null)
    {
        _server = await RegistryServer.StartAsync(store, settings);
        Admin = Track(_server.Client());
        Approver = Track(_server.Client(await _server.KeyAsync("alice", "schema-admin")));
        RunnerKey = await _server.KeyAsync("glue", "pipeline-runner");
        Runner = Track(_server.Client(RunnerKey));
        Ops = Track(_server.Client(await _server.KeyAsync("ops", "ops-engineer")));
        await PublishAsync($"{Subject}:v1.0", V1);
    }

    private RegistryClient Track(RegistryClient client)
    {
        _clients.Add(client);
        return client;
    }

    /// <summary>Register, validate, submit, approve (another admin), publish: the governed way.</summary>
    protected async Task PublishAsync(string fqid, string payload)
    {
        await Admin.RegisterAsync(Schemas.Draft(fqid, payload));
        await Admin.ValidateAsync(fqid);
        await Admin.SubmitAsync(fqid);
        await Approver.ApproveAsync(fqid);
        await Admin.PublishAsync(fqid);
    }

    protected static MemoryStream Ndjson(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    /// <summary>Every event of a type, oldest first, as <c>GET /v1/events?type=</c> pages them.</summary>
    protected async Task<List<CloudEvent>> EventsAsync(string type)
    {
        var events = new List<CloudEvent>();
        long after = 0;
        while (true)
        {
            var page = await Admin.ReadEventsAsync(after, type);
            if (page.Events.Count == 0)
            {
                return events;
            }
            events.AddRange(page.Events);
            after = page.Next;
        }
    }

    protected static async Task<RegistryApiException> RefusedAsync(Func<Task> call, int status, string code)
    {
        var refused = await Assert.ThrowsAsync<RegistryApiException>(call);
        Assert.Equal((status, code), (refused.Status, refused.Code));
        return refused;
    }

    protected static async Task<T> GetJsonAsync<T>(HttpClient http, string path) =>
        await (await http.GetAsync(path)).OkAsync<T>(HttpStatusCode.OK);

    protected static JsonElement Data(CloudEvent e) => e.Data;
}
