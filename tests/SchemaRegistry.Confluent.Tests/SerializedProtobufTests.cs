using System.Net;
using SchemaRegistry.Confluent.Tests.Harness;
using SchemaRegistry.Formats.Protobuf;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>A Protobuf schema registered as a base64 FileDescriptorProto is kept as its canonical .proto text, and served serialized on request.</summary>
public sealed class SerializedProtobufTests
{
    private const string Proto = """
        syntax = "proto3";
        package shop;
        message Order {
          string id = 1;
          int64 cents = 2;
          repeated string tags = 3;
        }
        """;

    [Fact]
    public async Task A_schema_sent_serialized_is_stored_as_canonical_proto_text_and_round_trips_through_format_serialized()
    {
        var format = new ProtobufFormat();
        var parsed = format.Parse(Proto, new Dictionary<string, string>()).Schema!;
        var canonical = format.Normalise(parsed);
        var serialized = format.ToSerialized(parsed);
        Assert.True(format.IsSerialized(serialized));
        Assert.False(format.IsSerialized(Proto));

        await using var server = await DoorServer.StartAsync();
        using var http = server.Basic();
        var (status, registered) = await http.PostJsonAsync("subjects/orders-proto/versions", Body(serialized, "PROTOBUF"));
        Assert.True(status == HttpStatusCode.OK, registered.ToString());
        var id = registered.GetProperty("id").GetInt64();

        Assert.Equal(canonical, (await http.GetJsonAsync($"schemas/ids/{id}")).Json.GetProperty("schema").GetString());
        Assert.Equal(canonical, (await http.GetJsonAsync("subjects/orders-proto/versions/1")).Json.GetProperty("schema").GetString());
        Assert.Equal(serialized, (await http.GetJsonAsync($"schemas/ids/{id}?format=serialized")).Json.GetProperty("schema").GetString());
        Assert.Equal(serialized, (await http.GetJsonAsync("subjects/orders-proto/versions/1?format=serialized")).Json.GetProperty("schema").GetString());

        // Our API holds the text too, and both spellings are one schema: one id, found by either.
        using var bearer = server.Http();
        var ours = (await bearer.GetJsonAsync("v1/subjects")).Json.GetProperty("subjects")[0].GetProperty("subject").GetString();
        Assert.Contains("message Order", (await bearer.GetJsonAsync($"v1/schema/{ours}:latest")).Json.GetProperty("payload").ToString(), StringComparison.Ordinal);
        Assert.Equal(id, (await http.PostJsonAsync("subjects/orders-proto", Body(Proto, "PROTOBUF"))).Json.GetProperty("id").GetInt64());
        Assert.Equal(1, (await http.PostJsonAsync("subjects/orders-proto", Body(serialized, "PROTOBUF"))).Json.GetProperty("version").GetInt32());
        Assert.Equal(id, (await http.PostJsonAsync("subjects/other-proto/versions", Body(Proto, "PROTOBUF"))).Json.GetProperty("id").GetInt64());
    }
}
