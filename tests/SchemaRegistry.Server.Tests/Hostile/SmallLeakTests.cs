using System.Net;
using System.Text;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Issue 22, point 11, over a real server: error texts that name .NET types, an OpenAPI document that echoes a forged
/// Host, a readiness answer that shows where the database is, and drift case ids that cannot exist answered as a
/// missing endpoint rather than a missing case.
/// </summary>
public sealed class SmallLeakTests : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        _admin = _server.Http();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("v1/pipelines", "[]", "JSON object")]
    [InlineData("v1/pipelines", "\"text\"", "JSON object")]
    [InlineData("v1/pipelines", """{"pipeline_id":5,"layer":"gdp","fqid":"finance.gdp.invoice:latest"}""", "$.pipeline_id has the wrong JSON type")]
    [InlineData("v1/runs", """{"pipeline_id":["p"]}""", "$.pipeline_id has the wrong JSON type")]
    [InlineData("v1/keys", """{"name":"k","role":"reader","expires_at":true}""", "$.expires_at has the wrong JSON type")]
    [InlineData("v1/schema", "[1,2]", "JSON object")]
    public async Task A_body_of_the_wrong_shape_is_told_what_was_expected_in_json_terms(string path, string body, string expected)
    {
        var answer = await _admin.CurlPostAsync(path, body);

        var problem = await answer.ProblemAsync(HttpStatusCode.BadRequest, "REQ-1001");
        Assert.True(problem.Detail!.Contains(expected, StringComparison.Ordinal), problem.Detail);
        Assert.False(problem.Detail.Contains("SchemaRegistry.", StringComparison.Ordinal) || problem.Detail.Contains("System.", StringComparison.Ordinal), problem.Detail);
    }

    [Fact]
    public async Task The_openapi_document_does_not_echo_a_forged_host()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "openapi/v1.json");
        request.Headers.Host = "evil.example";
        using var anonymous = _server.Http(token: null);

        var answer = await anonymous.SendAsync(request);

        var document = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"/v1/schema\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", document, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readiness_without_a_key_says_ready_and_nothing_about_where_the_database_is()
    {
        using var anonymous = _server.Http(token: null);

        var answer = await anonymous.GetAsync("readyz");

        var text = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"status\":\"ready\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.DataDir, text, StringComparison.Ordinal);
        Assert.DoesNotContain("registry.db", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sqlite", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "v1/drift/99999999999999999999")]
    [InlineData("GET", "v1/drift/424242")]
    [InlineData("GET", "v1/drift/-1")]
    [InlineData("GET", "v1/drift/abc")]
    [InlineData("POST", "v1/drift/99999999999999999999/ack")]
    [InlineData("POST", "v1/drift/99999999999999999999/resolve")]
    [InlineData("GET", "v1/runs/99999999999999999999")]
    [InlineData("GET", "v1/pipelines/99999999999999999999")]
    [InlineData("DELETE", "v1/keys/99999999999999999999")]
    [InlineData("DELETE", "v1/subscriptions/99999999999999999999")]
    [InlineData("GET", "v1/subscriptions/99999999999999999999/dead-letters")]
    public async Task An_id_that_cannot_exist_is_a_thing_not_found(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"comment":"c"}""", Encoding.UTF8, "application/json");
        }

        var answer = await _admin.SendAsync(request);

        await answer.ProblemAsync(HttpStatusCode.NotFound, "REG-1001");
    }
}
