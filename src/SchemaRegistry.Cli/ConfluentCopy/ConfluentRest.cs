using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>
/// One Confluent-compatible registry spoken to through Confluent's documented REST API only (so any implementation
/// works: Confluent, Karapace, Apicurio, Redpanda, schemareg's own door). Non-2xx answers come back as
/// <see cref="ConfluentAnswer"/>s for the caller to judge; no answer at all is a <see cref="RegistryUnreachableException"/>.
/// </summary>
internal sealed class ConfluentRest : IDisposable
{
    private const string MediaType = "application/vnd.schemaregistry.v1+json";
    private readonly HttpClient _http;

    /// <param name="role">What this registry is to the command ("source", "target"), used in messages.</param>
    /// <param name="credentials">Where its credentials come from, named when it refuses them.</param>
    /// <param name="ours">True for this schemareg (its refusals are the caller's to fix, exit 2); false for the remote registry.</param>
    public ConfluentRest(Uri url, AuthenticationHeaderValue? authorization, string role, string credentials, bool ours)
    {
        Url = url;
        Role = role;
        Credentials = credentials;
        Ours = ours;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = authorization;
        _http.DefaultRequestHeaders.Accept.ParseAdd(MediaType);
    }

    public Uri Url { get; }

    public string Role { get; }

    public string Credentials { get; }

    public bool Ours { get; }

    public static AuthenticationHeaderValue? Authorization(string? user, string? password, string? token) =>
        user is not null || password is not null
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")))
            : token is { Length: > 0 } ? new AuthenticationHeaderValue("Bearer", token) : null;

    public Task<ConfluentAnswer> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<ConfluentAnswer> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaType);
        }
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A proxy's HTML error page: the status says enough.
            }
            return new ConfluentAnswer(method.Method, path, (int)response.StatusCode, json, text);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryUnreachableException(this, $"did not answer {method} /{path} within {_http.Timeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryUnreachableException(this, e.Message, e);
        }
    }

    /// <summary>The answer, which must be a success: anything else stops the command (<see cref="ConfluentCallException"/>).</summary>
    public async Task<JsonNode?> RequireAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, path, body, cancellationToken);
        return answer.Ok ? answer.Json : throw new ConfluentCallException(this, answer);
    }

    public static string Escape(string subject) => Uri.EscapeDataString(subject);

    public void Dispose() => _http.Dispose();
}

/// <summary>One HTTP answer: status, Confluent's <c>error_code</c> and <c>message</c> when it is an error.</summary>
internal sealed record ConfluentAnswer(string Method, string Path, int Status, JsonNode? Json, string Text)
{
    public bool Ok => Status is >= 200 and < 300;

    public int ErrorCode => Json is JsonObject o && o["error_code"] is JsonValue v && v.TryGetValue(out int code) ? code : Status;

    public string Message => Json is JsonObject o && o["message"] is JsonValue v && v.TryGetValue(out string? m) ? m : Text.Length > 200 ? Text[..200] : Text;
}

/// <summary>A registry answered a call with an error the command cannot go on from.</summary>
internal sealed class ConfluentCallException(ConfluentRest registry, ConfluentAnswer answer)
    : Exception($"the {registry.Role} registry at {registry.Url} answered {answer.Method} /{answer.Path} with {answer.Status} ({answer.ErrorCode}): {answer.Message}")
{
    public ConfluentRest Registry { get; } = registry;

    public ConfluentAnswer Answer { get; } = answer;
}

/// <summary>A registry that could not be reached or did not answer in time.</summary>
internal sealed class RegistryUnreachableException(ConfluentRest registry, string reason, Exception inner)
    : Exception($"cannot reach the {registry.Role} registry at {registry.Url}: {reason}", inner)
{
    public ConfluentRest Registry { get; } = registry;
}
