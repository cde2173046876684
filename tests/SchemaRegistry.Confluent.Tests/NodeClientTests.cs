using SchemaRegistry.Confluent.Tests.Harness;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>
/// The two npm clients Kafka users run in JavaScript, `@kafkajs/confluent-schema-registry` 4.1 and
/// `@confluentinc/schemaregistry` 1.10, against our server on loopback: registering, looking up, encoding and decoding
/// JSON, Avro and Protobuf records (no broker: the serializer's bytes go to the deserializer), compatibility, config,
/// deletes, error codes and Basic auth. Each scenario is one run of tests/confluent-npm/drive.mjs, which prints every
/// check it made; a failed check fails the test with that output.
/// </summary>
public sealed class NodeClientTests : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private string _writer = "";
    private string _reader = "";

    public async Task InitializeAsync()
    {
        await NodeClients.EnsureInstalledAsync();
        _server = await DoorServer.StartAsync();
        _writer = "node-producer:" + await _server.KeyAsync("node-producer", "ops-engineer");
        _reader = "node-consumer:" + await _server.KeyAsync("node-consumer", "reader");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("kafkajs-avro")]
    [InlineData("kafkajs-json")]
    [InlineData("kafkajs-protobuf")]
    [InlineData("kafkajs-auth")]
    [InlineData("confluent-avro")]
    [InlineData("confluent-json")]
    [InlineData("confluent-protobuf")]
    [InlineData("confluent-compatibility")]
    [InlineData("confluent-config")]
    [InlineData("confluent-delete")]
    [InlineData("confluent-errors")]
    [InlineData("confluent-auth")]
    public async Task The_npm_client_scenario_passes_every_check(string scenario)
    {
        var (exitCode, output) = await NodeClients.DriveAsync(scenario, _server.Url, _writer, "kafka-admin:" + DoorServer.AdminToken, _reader);

        Assert.True(exitCode == 0, $"{scenario} exited {exitCode}:\n{output}");
        Assert.Contains("\"ok\":true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ok\":false", output, StringComparison.Ordinal);
    }
}
