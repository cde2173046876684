namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>A real server on SQLite with a 1 MiB batch limit and the hostile seed (a published schema, a pipeline, a run), per test class.</summary>
public abstract class SeededServerTests : IAsyncLifetime
{
    protected const int MaxBatchBytes = 1024 * 1024;

    protected RegistryServer Server { get; private set; } = null!;

    protected HostileSeed Seed { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:MaxBatchBytes"] = MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Seed = await HostileSeed.CreateAsync(Server);
        Admin = Server.Http();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}
