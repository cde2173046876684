using System.Net.Http.Headers;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>What the server answered to one hostile request, and whether that answer is acceptable.</summary>
public sealed record Answer(string Request, int Status, string? Code, string Excerpt)
{
    /// <summary>
    /// The client removed dot segments (<c>..</c>, <c>%2e%2e</c>) before sending, as every HTTP client does: the request
    /// the server saw is the parent path, an ordinary call, not a trick.
    /// </summary>
    public bool CollapsedByClient { get; init; }

    /// <summary>A coded refusal, or a read the client turned into an ordinary read of the parent path.</summary>
    public bool IsCoded4xxOrCollapsedRead => IsCoded4xx || (CollapsedByClient && Request.StartsWith("GET ", StringComparison.Ordinal) && Status == 200);

    public bool IsCoded4xx => (Status is >= 400 and < 500 && Code is not null && ErrorCatalog.Codes.Contains(Code)) || RefusedByKestrel;

    /// <summary>
    /// Kestrel itself answers a request line it will not route, before any middleware runs: 414 for a target over
    /// its 8 KB limit, 400 for a path with an encoded NUL. Those answers carry no body, so no code.
    /// </summary>
    public bool RefusedByKestrel => Excerpt.Length == 0 && (Status == 414 || (Status == 400 && Request.Contains("%00", StringComparison.Ordinal)));

    /// <summary>A refusal with a catalog code, or (for calls that only read) a success.</summary>
    public bool IsCodedRefusalOrSuccess => IsCoded4xx || Status is >= 200 and < 300;

    public override string ToString() => $"{Request} → {Status} {Code} {Excerpt}";

    public static async Task<Answer> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        HttpResponseMessage answered;
        try
        {
            answered = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"{method} {path}: {e.Message}", e);
        }
        using var response = answered;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            code = JsonSerializer.Deserialize<ProblemResponse>(text, RegistryJson.Options)?.Code;
        }
        var label = $"{method} {(path.Length > 120 ? path[..120] + "…" : path)}";
        var collapsed = request.RequestUri is { IsAbsoluteUri: true } sent
            && sent.AbsolutePath.Count(c => c == '/') < ("/" + path.Split('?')[0]).Count(c => c == '/');
        return new Answer(label, (int)response.StatusCode, code, text.Length > 200 ? text[..200] + "…" : text) { CollapsedByClient = collapsed };
    }

    public static HttpContent Json(string text, string contentType = "application/json") =>
        new StringContent(text, System.Text.Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    public static HttpContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
