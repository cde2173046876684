using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>Typed access to the registry's HTTP API. Every failure surfaces as <see cref="RegistryApiException"/>.</summary>
public sealed partial class RegistryClient : IDisposable
{
    /// <summary>Catalog code reported when the registry does not answer in time.</summary>
    public const string TimeoutCode = ErrorCode.SchemaFetchTimeout;

    /// <summary>The code of a registry that cannot be reached (connection refused, name not resolved, TLS failure).</summary>
    public const string UnreachableCode = ErrorCode.RegistryUnreachable;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for <paramref name="baseAddress"/> authenticating with <paramref name="token"/>.</summary>
    public RegistryClient(Uri baseAddress, string? token, TimeSpan? timeout = null)
        : this(new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) }, token)
    {
        _ownsHttp = true;
    }

    /// <summary>Wraps a caller-owned <see cref="HttpClient"/> whose BaseAddress is the registry.</summary>
    public RegistryClient(HttpClient http, string? token)
    {
        _http = http;
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The prefix of canonical schema URLs on this registry (<c>{base}/v1/schema/</c>), as usable in <c>$ref</c>.</summary>
    public string CanonicalPrefix => new Uri(_http.BaseAddress!, "v1/schema/").ToString();

    /// <summary>Registers a draft.</summary>
    public Task<SchemaResponse> RegisterAsync(RegisterSchemaRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<SchemaResponse>(HttpMethod.Post, "v1/schema", request, cancellationToken);

    /// <summary>Replaces a draft's envelope and payload.</summary>
    public Task<SchemaResponse> EditAsync(string fqid, RegisterSchemaRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<SchemaResponse>(HttpMethod.Put, $"v1/schema/{Escape(fqid)}", request, cancellationToken);

    /// <summary>
    /// Registers a draft from a schema document exactly as written (JSON text), so the registry judges every member:
    /// one it does not know (a misspelt <c>"compatiblity"</c>) is refused with REQ-1001, not dropped.
    /// </summary>
    public Task<SchemaResponse> RegisterDocumentAsync(string document, CancellationToken cancellationToken = default) =>
        SendContentAsync<SchemaResponse>(HttpMethod.Post, "v1/schema", JsonText(document), cancellationToken);

    /// <summary>Replaces a draft from a schema document exactly as written (JSON text); unknown members are refused.</summary>
    public Task<SchemaResponse> EditDocumentAsync(string fqid, string document, CancellationToken cancellationToken = default) =>
        SendContentAsync<SchemaResponse>(HttpMethod.Put, $"v1/schema/{Escape(fqid)}", JsonText(document), cancellationToken);

    /// <summary>Reads a version by FQID or alias (<c>subject:latest</c>, <c>subject:v1</c>).</summary>
    public Task<SchemaResponse> GetAsync(string fqidOrAlias, CancellationToken cancellationToken = default) =>
        SendAsync<SchemaResponse>(HttpMethod.Get, $"v1/schema/{Escape(fqidOrAlias)}", null, cancellationToken);

    /// <summary>Lists a subject's versions.</summary>
    public Task<VersionListResponse> ListVersionsAsync(string subject, CancellationToken cancellationToken = default) =>
        SendAsync<VersionListResponse>(HttpMethod.Get, $"v1/schema/{Escape(subject)}/versions", null, cancellationToken);

    /// <summary>Lists subjects, optionally filtered.</summary>
    public Task<SubjectListResponse> ListSubjectsAsync(string? domain = null, string? layer = null, string? text = null, CancellationToken cancellationToken = default)
    {
        var query = string.Join("&", new[] { ("domain", domain), ("layer", layer), ("q", text) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Escape(p.Item2!)}"));
        return SendAsync<SubjectListResponse>(HttpMethod.Get, query.Length == 0 ? "v1/subjects" : $"v1/subjects?{query}", null, cancellationToken);
    }

    /// <summary>Validates a version; a passing draft becomes validated.</summary>
    public Task<ValidationResponse> ValidateAsync(string fqid, CancellationToken cancellationToken = default) =>
        SendAsync<ValidationResponse>(HttpMethod.Post, "v1/schema/validate", new LifecycleRequest(fqid), cancellationToken);

    /// <summary>Checks a version without changing its state.</summary>
    public Task<ValidationResponse> CheckAsync(string fqid, CancellationToken cancellationToken = default) =>
        SendAsync<ValidationResponse>(HttpMethod.Get, $"v1/schema/validate?fqid={Escape(fqid)}", null, cancellationToken);

    /// <summary>Submits a validated version for approval.</summary>
    public Task<SchemaResponse> SubmitAsync(string fqid, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync("submit", new LifecycleRequest(fqid, comment), cancellationToken);

    /// <summary>Approves a submitted version (not by its submitter).</summary>
    public Task<SchemaResponse> ApproveAsync(string fqid, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync("approve", new LifecycleRequest(fqid, comment), cancellationToken);

    /// <summary>Rejects a submitted or approved version, saying why.</summary>
    public Task<SchemaResponse> RejectAsync(string fqid, string comment, CancellationToken cancellationToken = default) =>
        ActAsync("reject", new LifecycleRequest(fqid, comment), cancellationToken);

    /// <summary>Publishes an approved version, or forces it (schema-admin, with a reason).</summary>
    public Task<SchemaResponse> PublishAsync(string fqid, bool force = false, string? reason = null, CancellationToken cancellationToken = default) =>
        ActAsync("publish", new LifecycleRequest(fqid, null, force, reason), cancellationToken);

    /// <summary>Deprecates a published version.</summary>
    public Task<SchemaResponse> DeprecateAsync(string fqid, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync("deprecate", new LifecycleRequest(fqid, comment), cancellationToken);

    /// <summary>The changes between two versions.</summary>
    public Task<DiffResponse> DiffAsync(string from, string to, CancellationToken cancellationToken = default) =>
        SendAsync<DiffResponse>(HttpMethod.Get, $"v1/schema/diff?from={Escape(from)}&to={Escape(to)}", null, cancellationToken);

    /// <summary>Checks a registered version (or a candidate document) against its subject's published versions.</summary>
    public Task<CompatibilityResponse> CheckCompatibilityAsync(CompatibilityRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CompatibilityResponse>(HttpMethod.Post, "v1/schema/compatibility", request, cancellationToken);

    /// <summary>A subject's compatibility mode.</summary>
    public Task<SubjectConfig> GetConfigAsync(string subject, CancellationToken cancellationToken = default) =>
        SendAsync<SubjectConfig>(HttpMethod.Get, $"v1/config/{Escape(subject)}", null, cancellationToken);

    /// <summary>Sets a subject's compatibility mode (schema-admin).</summary>
    public Task<SubjectConfig> SetConfigAsync(string subject, string compatibility, CancellationToken cancellationToken = default) =>
        SendAsync<SubjectConfig>(HttpMethod.Put, $"v1/config/{Escape(subject)}", new SubjectConfig(null, compatibility), cancellationToken);

    /// <summary>A subject's registration policy: <c>direct</c> or <c>reviewed</c> (how a Confluent client's register lands).</summary>
    public Task<SubjectPolicy> GetPolicyAsync(string subject, CancellationToken cancellationToken = default) =>
        SendAsync<SubjectPolicy>(HttpMethod.Get, $"v1/config/{Escape(subject)}/policy", null, cancellationToken);

    /// <summary>Sets a subject's registration policy, <c>direct</c> or <c>reviewed</c> (schema-admin).</summary>
    public Task<SubjectPolicy> SetPolicyAsync(string subject, string policy, CancellationToken cancellationToken = default) =>
        SendAsync<SubjectPolicy>(HttpMethod.Put, $"v1/config/{Escape(subject)}/policy", new SubjectPolicy(null, policy), cancellationToken);

    /// <summary>Events after a cursor, optionally filtered; <paramref name="waitSeconds"/> long-polls for the next one.</summary>
    public Task<EventPage> ReadEventsAsync(long after, string? type = null, string? subject = null, int waitSeconds = 0, CancellationToken cancellationToken = default)
    {
        var query = $"v1/events?after={after}&wait={waitSeconds}" + (type is null ? "" : $"&type={Escape(type)}") + (subject is null ? "" : $"&subject={Escape(subject)}");
        return SendAsync<EventPage>(HttpMethod.Get, query, null, cancellationToken);
    }

    /// <summary>Creates a webhook subscription.</summary>
    public Task<SubscriptionResponse> SubscribeAsync(SubscriptionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<SubscriptionResponse>(HttpMethod.Post, "v1/subscriptions", request, cancellationToken);

    /// <summary>Lists webhook subscriptions.</summary>
    public Task<List<SubscriptionResponse>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<SubscriptionResponse>>(HttpMethod.Get, "v1/subscriptions", null, cancellationToken);

    /// <summary>Re-delivers a range of events to one subscription.</summary>
    public Task<ReplayResponse> ReplayAsync(ReplayRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ReplayResponse>(HttpMethod.Post, "v1/events/replay", request, cancellationToken);

    /// <summary>Creates an API key; the answer holds its secret, shown once.</summary>
    public Task<KeyResponse> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<KeyResponse>(HttpMethod.Post, "v1/keys", request, cancellationToken);

    /// <summary>Lists API keys (no secrets).</summary>
    public Task<KeyListResponse> ListKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<KeyListResponse>(HttpMethod.Get, "v1/keys", null, cancellationToken);

    /// <summary>Revokes an API key.</summary>
    public Task<KeyResponse> RevokeKeyAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<KeyResponse>(HttpMethod.Delete, $"v1/keys/{Escape(id)}", null, cancellationToken);

    /// <summary>
    /// Rotates an API key: a new key with the same name and role (its secret is in the answer, shown once); the old
    /// one is revoked now, or expires after <see cref="RotateKeyRequest.GraceSeconds"/>.
    /// </summary>
    public Task<RotateKeyResponse> RotateKeyAsync(string id, RotateKeyRequest? request = null, CancellationToken cancellationToken = default) =>
        SendAsync<RotateKeyResponse>(HttpMethod.Post, $"v1/keys/{Escape(id)}/rotate", request ?? new RotateKeyRequest(), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Task<SchemaResponse> ActAsync(string action, LifecycleRequest request, CancellationToken cancellationToken) =>
        SendAsync<SchemaResponse>(HttpMethod.Post, $"v1/schema/{action}", request, cancellationToken);

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendContentAsync<T>(method, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: RegistryJson.Options), cancellationToken);

    private async Task<T> SendContentAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = content;
        var response = await TransportAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryApiException(await ReadProblemAsync(response, cancellationToken));
            }
            return await response.Content.ReadFromJsonAsync<T>(RegistryJson.Options, cancellationToken)
                ?? throw new RegistryApiException(new ProblemResponse(null, "Empty answer", (int)response.StatusCode, "The registry sent no body.", null));
        }
    }

    /// <summary>Sends a request; a registry that cannot be reached or does not answer in time is a coded <see cref="RegistryApiException"/>.</summary>
    private async Task<HttpResponseMessage> TransportAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryApiException(new ProblemResponse(null, "Timeout", 0,
                $"The registry at {_http.BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0.#} s.", TimeoutCode), e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
    }

    /// <summary>The coded failure for a registry that cannot be reached.</summary>
    public RegistryApiException Unreachable(HttpRequestException e) =>
        new(new ProblemResponse(null, "Unreachable", 0, $"Cannot reach the registry at {_http.BaseAddress}: {e.Message}", UnreachableCode), e);

    private static async Task<ProblemResponse> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize<ProblemResponse>(text, RegistryJson.Options) is { } problem)
            {
                return problem with { Status = (int)response.StatusCode };
            }
        }
        catch (JsonException)
        {
        }
        return new ProblemResponse(null, response.ReasonPhrase, (int)response.StatusCode, text.Length > 500 ? text[..500] : text, null);
    }

    private static StringContent JsonText(string document) => new(document, System.Text.Encoding.UTF8, "application/json");

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
