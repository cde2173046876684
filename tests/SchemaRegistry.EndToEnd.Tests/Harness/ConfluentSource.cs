using Confluent.SchemaRegistry;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>
/// A source registry seeded through its Confluent door by Confluent's own .NET client (2.16): Avro, JSON Schema and
/// Protobuf subjects, a reference, per-subject compatibility and mode, several versions, a soft-deleted version, and
/// enough small subjects for an import to be killed half-way.
/// </summary>
public sealed class ConfluentSource : IAsyncLifetime
{
    public const int BulkSubjects = 30;

    public const string OrdersV1 = """{"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"}]}""";

    public const string OrdersV2 = """{"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"},{"name":"note","type":"string","default":""}]}""";

    public const string Customer = """{"$id":"https://acme.example/customer.json","type":"object","properties":{"name":{"type":"string"}}}""";

    public const string Invoice = """{"type":"object","properties":{"customer":{"$ref":"https://acme.example/customer.json"},"total":{"type":"number"}}}""";

    public const string PaymentV1 = "syntax = \"proto3\";\npackage acme;\n\nmessage Payment {\n  string id = 1;\n  double amount = 2;\n}\n";

    public const string PaymentV2 = "syntax = \"proto3\";\npackage acme;\n\nmessage Payment {\n  string id = 1;\n  double amount = 2;\n  string note = 3;\n}\n";

    public DoorInstance Door { get; private set; } = null!;

    /// <summary>Live versions in the source (soft-deleted ones are not copied).</summary>
    public int LiveVersions => 2 + 1 + 1 + 2 + 1 + BulkSubjects;

    public int Subjects => 5 + BulkSubjects;

    public CachedSchemaRegistryClient Client() => Client(Door.Url);

    public static CachedSchemaRegistryClient Client(string url) =>
        new(new SchemaRegistryConfig { Url = url, BasicAuthUserInfo = $"seeder:{DoorInstance.Admin}" });

    public async Task InitializeAsync()
    {
        Door = await DoorInstance.StartAsync();
        using var client = Client();
        await client.RegisterSchemaAsync("orders-value", new Schema(OrdersV1, SchemaType.Avro));
        await client.RegisterSchemaAsync("orders-value", new Schema(OrdersV2, SchemaType.Avro));
        await client.UpdateCompatibilityAsync(Compatibility.Full, "orders-value");
        // The referenced subject sorts after its referrer: the copy must order by references, not by name.
        await client.RegisterSchemaAsync("party-customer-value", new Schema(Customer, SchemaType.Json));
        await client.RegisterSchemaAsync("invoice-value", new Schema(Invoice,
            [new SchemaReference("https://acme.example/customer.json", "party-customer-value", 1)], SchemaType.Json));
        await client.RegisterSchemaAsync("payments-value", new Schema(PaymentV1, SchemaType.Protobuf));
        await client.RegisterSchemaAsync("payments-value", new Schema(PaymentV2, SchemaType.Protobuf));
        await client.UpdateCompatibilityAsync(Compatibility.BackwardTransitive, "payments-value");
        // An old subject: version 1 soft-deleted (not copied), version 2 live; frozen read-only.
        await client.RegisterSchemaAsync("old-value", new Schema("""{"type":"object","properties":{"a":{"type":"string"}}}""", SchemaType.Json));
        await client.RegisterSchemaAsync("old-value", new Schema("""{"type":"object","properties":{"a":{"type":"string"},"b":{}}}""", SchemaType.Json));
        Assert.Equal(200, (await Door.SendAsync(HttpMethod.Delete, "subjects/old-value/versions/1")).Status);
        Assert.Equal(200, (await Door.SendAsync(HttpMethod.Put, "mode/old-value", """{"mode":"READONLY"}""")).Status);
        for (var i = 0; i < BulkSubjects; i++)
        {
            await client.RegisterSchemaAsync($"bulk-{i:00}-value", new Schema("{\"type\":\"object\",\"properties\":{\"f" + i + "\":{\"type\":\"integer\"}}}", SchemaType.Json));
        }
        Assert.Equal(200, (await Door.SendAsync(HttpMethod.Put, "config", """{"compatibility":"FORWARD"}""")).Status);
    }

    public async Task DisposeAsync() => await Door.DisposeAsync();
}
