using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using SchemaRegistry.Confluent.Tests.Harness;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>Confluent's own .NET client and JSON serdes (2.16) against our server, with no broker: a SerializationContext is enough.</summary>
public sealed class ConfluentClientTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await DoorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public sealed class Order
    {
        public string Id { get; set; } = "";

        public int Quantity { get; set; }
    }

    private CachedSchemaRegistryClient Client(string? secret = DoorServer.AdminToken) =>
        new(new SchemaRegistryConfig { Url = _server.Url, BasicAuthUserInfo = $"orders-service:{secret}" });

    private static Schema Json(string schema) => new(schema, SchemaType.Json);

    [Fact]
    public async Task The_json_serializer_registers_its_schema_and_the_deserializer_reads_the_record_back()
    {
        using var client = Client();
        var serializer = new JsonSerializer<Order>(client, new JsonSerializerConfig { AutoRegisterSchemas = true });
        var context = new SerializationContext(MessageComponentType.Value, "orders");

        var bytes = await serializer.SerializeAsync(new Order { Id = "o-1", Quantity = 3 }, context);

        Assert.Equal(0, bytes[0]); // magic byte, then the 4-byte big-endian schema id
        var id = (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
        var registered = await client.GetSchemaAsync(id);
        Assert.Equal(SchemaType.Json, registered.SchemaType);
        Assert.Equal(new[] { "orders-value" }, await client.GetAllSubjectsAsync());
        var deserializer = new JsonDeserializer<Order>(client, registered);
        var order = await deserializer.DeserializeAsync(bytes, false, context);
        Assert.Equal(("o-1", 3), (order.Id, order.Quantity));

        // A second serializer (another producer starting) finds the same id.
        using var other = Client();
        var again = await new JsonSerializer<Order>(other).SerializeAsync(new Order { Id = "o-2" }, context);
        Assert.Equal(bytes[..5], again[..5]);
    }

    [Fact]
    public async Task Register_get_by_id_lookup_latest_versions_and_compatibility_work_through_the_client()
    {
        using var client = Client();
        var v1 = """{"type":"object","properties":{"id":{"type":"string"}}}""";
        var v2 = """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""";

        var id1 = await client.RegisterSchemaAsync("payments-value", Json(v1));
        Assert.Equal(id1, await client.RegisterSchemaAsync("payments-value", Json(v1)));
        Assert.True(await client.IsCompatibleAsync("payments-value", Json(v2)));
        var id2 = await client.RegisterSchemaAsync("payments-value", Json(v2));

        Assert.NotEqual(id1, id2);
        Assert.Equal(v1, (await client.GetSchemaAsync(id1)).SchemaString);
        var latest = await client.GetLatestSchemaAsync("payments-value");
        Assert.Equal((2, id2, v2), (latest.Version, latest.Id, latest.SchemaString));
        var looked = await client.LookupSchemaAsync("payments-value", Json(v1), true, false);
        Assert.Equal((1, id1), (looked.Version, looked.Id));
        Assert.Equal(new[] { 1, 2 }, await client.GetSubjectVersionsAsync("payments-value"));
        Assert.Equal(v1, (await client.GetRegisteredSchemaAsync("payments-value", 1, false)).SchemaString);
        Assert.False(await client.IsCompatibleAsync("payments-value", Json("""{"type":"object","properties":{"id":{"type":"integer"}}}""")));
    }

    [Fact]
    public async Task Compatibility_is_read_and_set_through_the_client_and_governs_registration()
    {
        using var client = Client();
        await client.RegisterSchemaAsync("events-value", Json("""{"type":"object","properties":{"id":{"type":"string"}}}"""));
        var unset = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetCompatibilityAsync("events-value"));
        Assert.Equal(40408, unset.ErrorCode); // as Confluent: no level of its own (defaultToGlobal=true gives the global one)

        var breaking = Json("""{"type":"object","properties":{"id":{"type":"integer"}}}""");
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync("events-value", breaking));
        Assert.Equal(409, refused.ErrorCode);

        Assert.Equal(Compatibility.None, await client.UpdateCompatibilityAsync(Compatibility.None, "events-value"));
        Assert.Equal(Compatibility.None, await client.GetCompatibilityAsync("events-value"));
        await client.RegisterSchemaAsync("events-value", breaking);
        Assert.Equal(new[] { 1, 2 }, await client.GetSubjectVersionsAsync("events-value"));
    }

    [Fact]
    public async Task The_client_sees_confluent_error_codes()
    {
        using var client = Client();
        var missingSubject = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync("nothing-value"));
        Assert.Equal(40401, missingSubject.ErrorCode);
        var missingId = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaAsync(987654));
        Assert.Equal(40403, missingId.ErrorCode);
        var invalid = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync("bad-value", Json("""{"type":12}""")));
        Assert.Equal(42201, invalid.ErrorCode);
    }

    [Fact]
    public async Task Basic_auth_uses_the_key_secret_as_password_and_roles_apply()
    {
        var runner = await _server.KeyAsync("producer", "pipeline-runner");
        using (var admin = Client())
        {
            await admin.RegisterSchemaAsync("audit-value", Json("""{"type":"string"}"""));
        }
        using var asRunner = Client(runner);
        Assert.Equal(1, (await asRunner.LookupSchemaAsync("audit-value", Json("""{"type":"string"}"""), true, false)).Version);
        var forbidden = await Assert.ThrowsAsync<SchemaRegistryException>(() => asRunner.RegisterSchemaAsync("audit-value", Json("""{"type":"number"}""")));
        Assert.Equal(40301, forbidden.ErrorCode);

        using var wrong = Client("sr_not_a_key");
        var unauthorized = await Assert.ThrowsAsync<SchemaRegistryException>(() => wrong.GetAllSubjectsAsync());
        Assert.Equal(40101, unauthorized.ErrorCode);
    }
}
