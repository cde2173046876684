namespace SchemaRegistry.Confluent.Tests.Harness;

/// <summary>The shared test server (<see cref="RegistryServer"/>) with the Confluent door.</summary>
public static class DoorServer
{
    public const string AdminToken = RegistryServer.AdminToken;

    public static Task<RegistryServer> StartAsync(Store store = Store.Sqlite, IReadOnlyDictionary<string, string?>? settings = null) =>
        RegistryServer.StartAsync(store, settings, [new ConfluentDoor()]);
}
