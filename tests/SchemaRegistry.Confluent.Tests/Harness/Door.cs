using System.Net;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Confluent.Tests.Harness;

/// <summary>Raw calls to the door, as curl or a client library would make them.</summary>
public static class Door
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    public static string Body(string schema, string? schemaType = "JSON", string? extra = null) =>
        $$"""{"schema":{{JsonSerializer.Serialize(schema)}}{{(schemaType is null ? "" : $",\"schemaType\":\"{schemaType}\"")}}{{extra ?? ""}}}""";

    public static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(this HttpClient http, HttpMethod method, string path, string? body = null,
        string mediaType = MediaType)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(this HttpClient http, string path) => http.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Json)> PostJsonAsync(this HttpClient http, string path, string body) => http.SendAsync(HttpMethod.Post, path, body);

    public static async Task<long> RegisterAsync(this HttpClient http, string subject, string schema)
    {
        var (status, json) = await http.PostJsonAsync($"subjects/{subject}/versions", Body(schema));
        Assert.True(status == HttpStatusCode.OK, $"register {subject}: {status} {json}");
        return json.GetProperty("id").GetInt64();
    }

    /// <summary>Asserts a Confluent error: the status, the body's error_code, and a message.</summary>
    public static void AssertError((HttpStatusCode Status, JsonElement Json) answer, int status, int errorCode)
    {
        Assert.True((int)answer.Status == status && answer.Json.ValueKind == JsonValueKind.Object
                    && answer.Json.TryGetProperty("error_code", out var code) && code.GetInt32() == errorCode,
            $"expected {status} {errorCode}, got {(int)answer.Status} {answer.Json}");
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("message").GetString()));
    }

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static string ObjectSchema(params string[] properties) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = properties.ToDictionary(p => p, _ => (object)new Dictionary<string, string> { ["type"] = "string" }),
        });
}
