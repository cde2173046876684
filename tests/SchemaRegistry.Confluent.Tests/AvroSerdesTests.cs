using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using SchemaRegistry.Confluent.Tests.Harness;
using RegistrySchema = Confluent.SchemaRegistry.Schema;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>Confluent's .NET Avro serdes (2.16) against our server: a producer's record read back by a consumer, and evolution by Avro's rules.</summary>
public sealed class AvroSerdesTests : IAsyncLifetime
{
    private const string PaymentV1 = """
        {"type":"record","name":"Payment","namespace":"com.example.billing","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"double"},
          {"name":"currency","type":{"type":"enum","name":"Currency","symbols":["EUR","USD"]}}]}
        """;

    private const string PaymentV2 = """
        {"type":"record","name":"Payment","namespace":"com.example.billing","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"double"},
          {"name":"currency","type":{"type":"enum","name":"Currency","symbols":["EUR","USD"]}},
          {"name":"channel","type":"string","default":"web"}]}
        """;

    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await DoorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private CachedSchemaRegistryClient Client() =>
        new(new SchemaRegistryConfig { Url = _server.Url, BasicAuthUserInfo = $"billing:{DoorServer.AdminToken}" });

    private static GenericRecord Payment(string schemaText, string id)
    {
        var schema = (RecordSchema)Avro.Schema.Parse(schemaText);
        var record = new GenericRecord(schema);
        record.Add("id", id);
        record.Add("amount", 12.5);
        record.Add("currency", new GenericEnum((EnumSchema)schema["currency"].Schema, "USD"));
        if (schema.Contains("channel"))
        {
            record.Add("channel", "shop");
        }
        return record;
    }

    [Fact]
    public async Task A_generic_record_serialized_with_auto_registration_deserializes_and_an_evolved_writer_gets_version_2()
    {
        using var client = Client();
        var context = new SerializationContext(MessageComponentType.Value, "payments");
        var serializer = new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig { AutoRegisterSchemas = true });

        var bytes = await serializer.SerializeAsync(Payment(PaymentV1, "p-1"), context);

        Assert.Equal(0, bytes[0]);
        var id = (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
        Assert.Equal(id, (await client.GetLatestSchemaAsync("payments-value")).Id);
        var deserializer = new AvroDeserializer<GenericRecord>(client);
        var back = await deserializer.DeserializeAsync(bytes, false, context);
        Assert.Equal(("p-1", 12.5, "USD"), ((string)back["id"], (double)back["amount"], ((GenericEnum)back["currency"]).Value));

        var evolved = await new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig { AutoRegisterSchemas = true })
            .SerializeAsync(Payment(PaymentV2, "p-2"), context);
        Assert.Equal(new[] { 1, 2 }, await client.GetSubjectVersionsAsync("payments-value"));
        using var fresh = Client(); // the first client caches "latest"
        var latest = await fresh.GetLatestSchemaAsync("payments-value");
        Assert.Equal(2, latest.Version);
        Assert.NotEqual(id, latest.Id);
        Assert.Equal("shop", (string)(await deserializer.DeserializeAsync(evolved, false, context))["channel"]);
    }

    [Fact]
    public async Task A_field_added_without_a_default_is_refused_409_under_backward()
    {
        using var client = Client();
        await client.RegisterSchemaAsync("refunds-value", new RegistrySchema(PaymentV1, SchemaType.Avro));
        var breaking = PaymentV1.Replace("""{"name":"id","type":"string"},""", """{"name":"id","type":"string"},{"name":"reason","type":"string"},""", StringComparison.Ordinal);

        Assert.False(await client.IsCompatibleAsync("refunds-value", new RegistrySchema(breaking, SchemaType.Avro)));
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync("refunds-value", new RegistrySchema(breaking, SchemaType.Avro)));
        Assert.Equal(409, (int)refused.Status);
    }
}
