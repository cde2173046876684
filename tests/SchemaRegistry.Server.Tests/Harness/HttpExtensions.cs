using System.Net;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Harness;

public static class HttpExtensions
{
    /// <summary>Posts a body the way <c>curl -d</c> does: form-urlencoded content type, JSON text.</summary>
    public static Task<HttpResponseMessage> CurlPostAsync(this HttpClient http, string path, string body) =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

    public static async Task<ProblemResponse> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemResponse>(text, RegistryJson.Options)!;
        Assert.Equal(code, problem.Code);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    public static async Task<T> OkAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, RegistryJson.Options)!;
    }
}
