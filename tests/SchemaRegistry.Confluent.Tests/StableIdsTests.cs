using System.Net;
using SchemaRegistry.Confluent.Tests.Harness;
using SchemaRegistry.Server.Hosting;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>Global ids and version numbers survive restarts and backup/restore, and concurrent registrations share one id.</summary>
public sealed class StableIdsTests
{
    private const string Schema = """{"type":"object","properties":{"id":{"type":"string"}}}""";

    [Fact]
    public async Task Ids_and_versions_are_the_same_after_a_restart()
    {
        await using var server = await DoorServer.StartAsync();
        using (var http = server.Basic())
        {
            Assert.Equal(1, await http.RegisterAsync("a-value", Schema));
            Assert.Equal(2, await http.RegisterAsync("b-value", """{"type":"string"}"""));
        }
        await server.RestartAsync();
        using var after = server.Basic();
        Assert.Equal(1, await after.RegisterAsync("a-value", Schema));
        Assert.Equal(Schema, (await after.GetJsonAsync("schemas/ids/1")).Json.GetProperty("schema").GetString());
        Assert.Equal(1, (await after.GetJsonAsync("subjects/b-value/versions/1")).Json.GetProperty("version").GetInt32());
        Assert.Equal(3, await after.RegisterAsync("c-value", """{"type":"number"}"""));
    }

    [Fact]
    public async Task Ids_names_versions_and_deletes_come_back_from_a_backup()
    {
        var archive = Path.GetTempFileName();
        try
        {
            long id;
            await using (var source = await DoorServer.StartAsync())
            {
                using var http = source.Basic();
                await http.RegisterAsync("first-value", """{"type":"boolean"}""");
                id = await http.RegisterAsync("orders-value", Schema);
                await http.RegisterAsync("orders-value", """{"type":"object","properties":{"id":{"type":"string"},"n":{}}}""");
                await http.SendAsync(HttpMethod.Delete, "subjects/orders-value/versions/2");
                await http.SendAsync(HttpMethod.Put, "mode/orders-value", """{"mode":"READONLY"}""");
                using var admin = source.Client();
                await using var file = File.Create(archive);
                await admin.ExportArchiveAsync(file);
            }

            using var target = new TempDirectory();
            var overrides = new Dictionary<string, string?> { ["Registry:DataDir"] = target.Path, ["Registry:AdminToken"] = DoorServer.AdminToken };
            await RegistryHost.ImportAsync(overrides, archive, CancellationToken.None);
            await using var restored = await DoorServer.StartAsync(settings: new Dictionary<string, string?> { ["Registry:DataDir"] = target.Path });
            using var after = restored.Basic();
            Assert.Equal(Schema, (await after.GetJsonAsync($"schemas/ids/{id}")).Json.GetProperty("schema").GetString());
            Assert.Equal(new[] { 1 }, Ints((await after.GetJsonAsync("subjects/orders-value/versions")).Json));
            Assert.Equal(new[] { 1, 2 }, Ints((await after.GetJsonAsync("subjects/orders-value/versions?deleted=true")).Json));
            Assert.Equal("READONLY", (await after.GetJsonAsync("mode/orders-value")).Json.GetProperty("mode").GetString());
            Assert.Equal(id, (await after.PostJsonAsync("subjects/orders-value", Body(Schema))).Json.GetProperty("id").GetInt64());
            await after.SendAsync(HttpMethod.Put, "mode/orders-value", """{"mode":"READWRITE"}""");
            Assert.Equal(id + 2, await after.RegisterAsync("new-value", """{"type":"null"}"""));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_schema_on_postgresql_get_one_id()
    {
        await using var one = await DoorServer.StartAsync(Store.Postgres);
        using var http = one.Basic();
        var subjects = Enumerable.Range(0, 6).Select(i => $"race{i}-value").ToList();
        var answers = await Task.WhenAll(subjects.Concat(subjects).Select(async s =>
        {
            using var client = one.Basic();
            return await client.PostJsonAsync($"subjects/{s}/versions", Body(Schema));
        }));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.Json.ToString()));
        Assert.Single(answers.Select(a => a.Json.GetProperty("id").GetInt64()).Distinct());
        foreach (var subject in subjects)
        {
            Assert.Equal(new[] { 1 }, Ints((await http.GetJsonAsync($"subjects/{subject}/versions")).Json));
        }
    }
}
