using System.Net;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Confluent.Tests.Harness;
using static SchemaRegistry.Confluent.Tests.Harness.Door;

namespace SchemaRegistry.Confluent.Tests;

/// <summary>Every door endpoint and error code over raw HTTP, as curl and the client libraries send them.</summary>
public sealed class RawHttpTests : IAsyncLifetime
{
    private const string V1 = """{"type":"object","properties":{"id":{"type":"string"}}}""";
    private const string V2 = """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""";
    private const string Breaking = """{"type":"object","properties":{"id":{"type":"integer"}}}""";

    private RegistryServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await DoorServer.StartAsync();
        _http = _server.Basic();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("application/vnd.schemaregistry.v1+json")]
    [InlineData("application/vnd.schemaregistry+json")]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Every_media_type_clients_send_is_accepted_and_answers_are_confluents(string mediaType)
    {
        var answer = await _http.SendAsync(HttpMethod.Post, "subjects/media-value/versions", Body(V1), mediaType);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using var response = await _http.GetAsync("subjects/media-value/versions/1");
        Assert.Equal(MediaType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_subject_version_answers_with_its_schema_id_and_no_members_clients_do_not_know()
    {
        var id = await _http.RegisterAsync("shape-value", V1);
        var (_, version) = await _http.GetJsonAsync("subjects/shape-value/versions/1");
        Assert.Equal(new[] { "subject", "version", "id", "schemaType", "schema" }, version.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("shape-value", 1, id, "JSON", V1),
            (version.GetProperty("subject").GetString(), version.GetProperty("version").GetInt32(), version.GetProperty("id").GetInt64(),
             version.GetProperty("schemaType").GetString(), version.GetProperty("schema").GetString()));
        var (_, byId) = await _http.GetJsonAsync($"schemas/ids/{id}");
        Assert.Equal(new[] { "schemaType", "schema" }, byId.EnumerateObject().Select(p => p.Name));
        using var raw = await _http.GetAsync("subjects/shape-value/versions/latest/schema");
        Assert.Equal(V1, await raw.Content.ReadAsStringAsync());
        using var rawById = await _http.GetAsync($"schemas/ids/{id}/schema");
        Assert.Equal(V1, await rawById.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registering_lists_looks_up_and_numbers_versions_in_order()
    {
        var id1 = await _http.RegisterAsync("orders-value", V1);
        Assert.Equal(id1, await _http.RegisterAsync("orders-value", V1));
        var id2 = await _http.RegisterAsync("orders-value", V2);

        Assert.Equal(new[] { "orders-value" }, Strings((await _http.GetJsonAsync("subjects")).Json));
        Assert.Equal(new[] { "orders-value" }, Strings((await _http.GetJsonAsync("subjects?subjectPrefix=orders")).Json));
        Assert.Empty(Strings((await _http.GetJsonAsync("subjects?subjectPrefix=zzz")).Json));
        Assert.Equal(new[] { 1, 2 }, Ints((await _http.GetJsonAsync("subjects/orders-value/versions")).Json));
        Assert.Equal(2, (await _http.GetJsonAsync("subjects/orders-value/versions/-1")).Json.GetProperty("version").GetInt32());
        var (status, looked) = await _http.PostJsonAsync("subjects/orders-value", Body("""{ "properties": {"id": {"type":"string"}}, "type": "object" }"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, id1), (looked.GetProperty("version").GetInt32(), looked.GetProperty("id").GetInt64()));
        Assert.Equal(id2, (await _http.GetJsonAsync("subjects/orders-value/versions/latest")).Json.GetProperty("id").GetInt64());

        // The same schema under another subject has the same global id, and the id lists both.
        Assert.Equal(id1, await _http.RegisterAsync("com.acme.Order", V1));
        var (_, versions) = await _http.GetJsonAsync($"schemas/ids/{id1}/versions");
        Assert.Equal(new[] { ("com.acme.Order", 1), ("orders-value", 1) },
            versions.EnumerateArray().Select(v => (v.GetProperty("subject").GetString()!, v.GetProperty("version").GetInt32())).OrderBy(v => v.Item1, StringComparer.Ordinal));
        Assert.Equal(new[] { "com.acme.Order", "orders-value" }, Strings((await _http.GetJsonAsync($"schemas/ids/{id1}/subjects")).Json));
        Assert.Equal(new[] { "AVRO", "JSON", "PROTOBUF" }, Strings((await _http.GetJsonAsync("schemas/types")).Json));
    }

    [Fact]
    public async Task Normalize_stores_the_canonical_text_and_unknown_members_are_accepted_and_kept()
    {
        var spaced = """{ "type" : "object", "properties" : { "id" : { "type" : "string" } } }""";
        var (status, json) = await _http.PostJsonAsync("subjects/norm-value/versions?normalize=true",
            Body(spaced, extra: ""","metadata":{"properties":{"owner":"team-a"}},"ruleSet":{"domainRules":[]},"references":[]"""));
        Assert.Equal(HttpStatusCode.OK, status);
        var text = (await _http.GetJsonAsync($"schemas/ids/{json.GetProperty("id").GetInt64()}")).Json.GetProperty("schema").GetString();
        Assert.Equal("""{"properties":{"id":{"type":"string"}},"type":"object"}""", text);
    }

    [Fact]
    public async Task Compatibility_checks_answer_with_our_reasons_when_verbose()
    {
        await _http.RegisterAsync("check-value", V1);
        var (_, quiet) = await _http.PostJsonAsync("compatibility/subjects/check-value/versions/latest", Body(Breaking));
        Assert.False(quiet.GetProperty("is_compatible").GetBoolean());
        Assert.False(quiet.TryGetProperty("messages", out _));

        var (_, verbose) = await _http.PostJsonAsync("compatibility/subjects/check-value/versions/1?verbose=true", Body(Breaking));
        var message = Assert.Single(Strings(verbose.GetProperty("messages")));
        Assert.Contains("type_changed at '/properties/id/type'", message, StringComparison.Ordinal);
        Assert.Contains("For example", message, StringComparison.Ordinal);

        var (_, fine) = await _http.PostJsonAsync("compatibility/subjects/check-value/versions/latest?verbose=true", Body(V2));
        Assert.True(fine.GetProperty("is_compatible").GetBoolean());
        Assert.Empty(Strings(fine.GetProperty("messages")));
        AssertError(await _http.PostJsonAsync("subjects/check-value/versions", Body(Breaking)), 409, 409);
    }

    [Fact]
    public async Task Config_is_global_and_per_subject_with_default_to_global()
    {
        await _http.RegisterAsync("conf-value", V1);
        Assert.Equal("BACKWARD", (await _http.GetJsonAsync("config")).Json.GetProperty("compatibilityLevel").GetString());
        AssertError(await _http.GetJsonAsync("config/conf-value"), 404, 40408);
        Assert.Equal("BACKWARD", (await _http.GetJsonAsync("config/conf-value?defaultToGlobal=true")).Json.GetProperty("compatibilityLevel").GetString());

        Assert.Equal("FULL", (await _http.SendAsync(HttpMethod.Put, "config", """{"compatibility":"FULL"}""")).Json.GetProperty("compatibility").GetString());
        Assert.Equal("FULL", (await _http.GetJsonAsync("config/conf-value?defaultToGlobal=true")).Json.GetProperty("compatibilityLevel").GetString());
        Assert.Equal("NONE", (await _http.SendAsync(HttpMethod.Put, "config/conf-value", """{"compatibility":"NONE"}""")).Json.GetProperty("compatibility").GetString());
        Assert.Equal("NONE", (await _http.GetJsonAsync("config/conf-value")).Json.GetProperty("compatibilityLevel").GetString());
        Assert.Equal("NONE", (await _http.SendAsync(HttpMethod.Delete, "config/conf-value")).Json.GetProperty("compatibilityLevel").GetString());
        AssertError(await _http.GetJsonAsync("config/conf-value"), 404, 40408);
        Assert.Equal("FULL", (await _http.SendAsync(HttpMethod.Delete, "config")).Json.GetProperty("compatibilityLevel").GetString());
        Assert.Equal("BACKWARD", (await _http.GetJsonAsync("config")).Json.GetProperty("compatibilityLevel").GetString());
        AssertError(await _http.SendAsync(HttpMethod.Put, "config", """{"compatibility":"SIDEWAYS"}"""), 422, 42203);
    }

    [Fact]
    public async Task Modes_make_the_registry_read_only_or_importing()
    {
        Assert.Equal("READWRITE", (await _http.GetJsonAsync("mode")).Json.GetProperty("mode").GetString());
        AssertError(await _http.GetJsonAsync("mode/mode-value"), 404, 40409);
        Assert.Equal("READONLY", (await _http.SendAsync(HttpMethod.Put, "mode", """{"mode":"READONLY"}""")).Json.GetProperty("mode").GetString());
        AssertError(await _http.PostJsonAsync("subjects/mode-value/versions", Body(V1)), 422, 42205);
        Assert.Equal("READONLY", (await _http.GetJsonAsync("mode/mode-value?defaultToGlobal=true")).Json.GetProperty("mode").GetString());

        await _http.SendAsync(HttpMethod.Put, "mode", """{"mode":"READWRITE"}""");
        AssertError(await _http.PostJsonAsync("subjects/mode-value/versions", Body(V1, extra: ""","id":777""")), 422, 42205);
        await _http.SendAsync(HttpMethod.Put, "mode/mode-value", """{"mode":"IMPORT"}""");
        Assert.Equal("IMPORT", (await _http.GetJsonAsync("mode/mode-value")).Json.GetProperty("mode").GetString());
        var (status, json) = await _http.PostJsonAsync("subjects/mode-value/versions", Body(V1, extra: ""","id":777,"version":5"""));
        Assert.Equal((HttpStatusCode.OK, 777), (status, json.GetProperty("id").GetInt32()));
        Assert.Equal(new[] { 5 }, Ints((await _http.GetJsonAsync("subjects/mode-value/versions")).Json));
        AssertError(await _http.PostJsonAsync("subjects/mode-value/versions", Body(V2, extra: ""","id":777""")), 422, 42205);
        AssertError(await _http.SendAsync(HttpMethod.Put, "mode", """{"mode":"SOMETIMES"}"""), 422, 42204);

        Assert.Equal("IMPORT", (await _http.SendAsync(HttpMethod.Delete, "mode/mode-value")).Json.GetProperty("mode").GetString());
        AssertError(await _http.GetJsonAsync("mode/mode-value"), 404, 40409);
        AssertError(await _http.SendAsync(HttpMethod.Delete, "mode/mode-value"), 404, 40409);
        AssertError(await _http.PostJsonAsync("subjects/mode-value/versions", Body(V2, extra: ""","id":778""")), 422, 42205);
    }

    [Fact]
    public async Task Soft_then_permanent_deletes_of_versions_and_subjects()
    {
        var id = await _http.RegisterAsync("del-value", V1);
        await _http.RegisterAsync("del-value", V2);
        await _http.RegisterAsync("gone-value", V1);

        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/del-value/versions/1?permanent=true"), 404, 40407);
        Assert.Equal(1, (await _http.SendAsync(HttpMethod.Delete, "subjects/del-value/versions/1")).Json.GetInt32());
        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/del-value/versions/1"), 404, 40406);
        AssertError(await _http.GetJsonAsync("subjects/del-value/versions/1"), 404, 40402);
        Assert.Equal(1, (await _http.GetJsonAsync("subjects/del-value/versions/1?deleted=true")).Json.GetProperty("version").GetInt32());
        Assert.Equal(new[] { 2 }, Ints((await _http.GetJsonAsync("subjects/del-value/versions")).Json));
        Assert.Equal(new[] { 1, 2 }, Ints((await _http.GetJsonAsync("subjects/del-value/versions?deleted=true")).Json));
        Assert.Equal(1, (await _http.SendAsync(HttpMethod.Delete, "subjects/del-value/versions/1?permanent=true")).Json.GetInt32());
        Assert.Equal(new[] { 2 }, Ints((await _http.GetJsonAsync("subjects/del-value/versions?deleted=true")).Json));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetJsonAsync($"schemas/ids/{id}")).Status); // messages written with it stay readable

        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/gone-value?permanent=true"), 404, 40405);
        Assert.Equal(new[] { 1 }, Ints((await _http.SendAsync(HttpMethod.Delete, "subjects/gone-value")).Json));
        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/gone-value"), 404, 40404);
        Assert.DoesNotContain("gone-value", Strings((await _http.GetJsonAsync("subjects")).Json));
        Assert.Contains("gone-value", Strings((await _http.GetJsonAsync("subjects?deleted=true")).Json));
        Assert.Equal(new[] { 1 }, Ints((await _http.SendAsync(HttpMethod.Delete, "subjects/gone-value?permanent=true")).Json));
        AssertError(await _http.GetJsonAsync("subjects/gone-value/versions"), 404, 40401);
        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/never-value"), 404, 40401);
    }

    [Fact]
    public async Task A_referenced_version_cannot_be_deleted_and_lists_who_references_it()
    {
        var customer = """{"$id":"https://acme.example/customer.json","type":"object","properties":{"name":{"type":"string"}}}""";
        await _http.RegisterAsync("customer-value", customer);
        var (status, json) = await _http.PostJsonAsync("subjects/invoice-value/versions",
            Body("""{"type":"object","properties":{"customer":{"$ref":"https://acme.example/customer.json"}}}""",
                extra: ""","references":[{"name":"https://acme.example/customer.json","subject":"customer-value","version":1}]"""));
        Assert.True(status == HttpStatusCode.OK, json.ToString());
        var invoiceId = json.GetProperty("id").GetInt64();

        Assert.Equal(new[] { invoiceId }, (await _http.GetJsonAsync("subjects/customer-value/versions/1/referencedby")).Json.EnumerateArray().Select(e => e.GetInt64()));
        AssertError(await _http.SendAsync(HttpMethod.Delete, "subjects/customer-value/versions/1"), 422, 42206);
        var (_, byId) = await _http.GetJsonAsync($"schemas/ids/{invoiceId}");
        Assert.Equal("customer-value", byId.GetProperty("references")[0].GetProperty("subject").GetString());
        AssertError(await _http.PostJsonAsync("subjects/invoice-value/versions",
            Body(V1, extra: ""","references":[{"name":"x","subject":"customer-value","version":9}]""")), 422, 42201);
    }

    [Theory]
    [InlineData("-1", 200, 0)]
    [InlineData("latest", 200, 0)]
    [InlineData("0", 422, 42202)]
    [InlineData("-2", 422, 42202)]
    [InlineData("99999999999", 422, 42202)]
    [InlineData("1.5", 422, 42202)]
    [InlineData("abc", 422, 42202)]
    [InlineData("7", 404, 40402)]
    public async Task Versions_are_checked_before_anything_is_read(string version, int status, int code)
    {
        await _http.RegisterAsync("ver-value", V1);
        var answer = await _http.GetJsonAsync($"subjects/ver-value/versions/{version}");
        if (status == 200)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            return;
        }
        AssertError(answer, status, code);
    }

    [Theory]
    [InlineData("a%2F..%2Fb")]
    [InlineData("a..b")]
    [InlineData("orders%0Avalue")]
    [InlineData("orders%09value")]
    [InlineData("%20orders")]
    [InlineData("a%5Cb")]
    [InlineData("a%252Fb")]
    public async Task Subject_names_with_path_tricks_or_control_characters_are_refused_and_nothing_is_stored(string subject)
    {
        AssertError(await _http.PostJsonAsync($"subjects/{subject}/versions", Body(V1)), 422, 42208);
        Assert.Empty(Strings((await _http.GetJsonAsync("subjects")).Json));
        using var ours = _server.Client();
        Assert.Empty((await ours.ListSubjectsAsync()).Subjects);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_confluent_error_and_stores_nothing()
    {
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", """{"schema":"""), 400, 400);
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", """{"schemaType":"JSON"}"""), 422, 42201);
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", Body("{not json")), 422, 42201);
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", Body("""{"type":12}""")), 422, 42201);
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", Body("""{"type":"string"}""", "PROTOBUF")), 422, 42201);
        AssertError(await _http.PostJsonAsync("subjects/bad-value/versions", Body("""{"a":1,"a":2}""")), 422, 42201);
        var tooLarge = await SendWholeAsync("subjects/bad-value/versions", new StringBuilder("{\"schema\":\"").Append('a', 10 * 1024 * 1024).Append("\"}").ToString());
        Assert.StartsWith("HTTP/1.1 422", tooLarge, StringComparison.Ordinal);
        Assert.Contains("\"error_code\":42209", tooLarge, StringComparison.Ordinal);
        AssertError(await _http.GetJsonAsync("schemas/ids/0"), 404, 40403);
        AssertError(await _http.GetJsonAsync("schemas/ids/abc"), 404, 40403);
        AssertError(await _http.GetJsonAsync("subjects/bad-value/versions"), 404, 40401);
        AssertError(await _http.PostJsonAsync("subjects/bad-value", Body(V1)), 404, 40401);
        Assert.Empty(Strings((await _http.GetJsonAsync("subjects")).Json));
    }

    /// <summary>
    /// A request over a socket, its answer read whatever happens to the upload: the server answers an oversized body
    /// before it has read it and closes, which HttpClient reports as a broken pipe instead of the answer.
    /// </summary>
    private async Task<string> SendWholeAsync(string path, string body)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var header = $"POST /{path} HTTP/1.1\r\nHost: {_server.BaseAddress.Authority}\r\nAuthorization: {_http.DefaultRequestHeaders.Authorization}\r\n" +
                     $"Content-Type: {MediaType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server stopped reading: its answer is already on the way.
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Lookup_of_a_schema_not_in_the_subject_is_40403()
    {
        await _http.RegisterAsync("look-value", V1);
        AssertError(await _http.PostJsonAsync("subjects/look-value", Body(V2)), 404, 40403);
    }

    [Fact]
    public async Task Authentication_failures_answer_in_confluents_shape()
    {
        using var anonymous = _server.Basic(null);
        AssertError(await anonymous.GetJsonAsync("subjects"), 401, 40101);
        using var wrong = _server.Basic("sr_wrong_secret");
        AssertError(await wrong.GetJsonAsync("subjects"), 401, 40101);
        var reader = await _server.KeyAsync("reader", "reader");
        using var asReader = _server.Basic(reader);
        Assert.Equal(HttpStatusCode.OK, (await asReader.GetJsonAsync("subjects")).Status);
        AssertError(await asReader.PostJsonAsync("subjects/x-value/versions", Body(V1)), 403, 40301);
        using var bearer = _server.Http();
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetJsonAsync("subjects")).Status);
    }

    [Fact]
    public async Task The_metadata_id_names_the_cluster()
    {
        var (status, json) = await _http.GetJsonAsync("v1/metadata/id");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("schemareg", json.GetProperty("scope").GetProperty("clusters").GetProperty("schema-registry-cluster").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("scope").GetProperty("path").ValueKind);
    }
}
