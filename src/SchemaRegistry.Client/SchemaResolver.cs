using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>
/// Resolves schemas by FQID or alias for pipelines. An exact FQID of a published version is immutable, so it is
/// cached for the life of the resolver; an alias is served from cache for <see cref="SchemaResolverOptions.AliasRevalidateAfter"/>
/// and then revalidated with If-None-Match (a 304 costs no body). Timeouts are PIPE-1001; timeouts, connection
/// failures and 5xx answers are retried with jitter; when the registry stays unreachable the last known good copy is
/// served, marked <see cref="ResolvedSchema.Stale"/>. A cached answer is one dictionary lookup: no allocation, no I/O.
/// </summary>
public sealed partial class SchemaResolver : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly SchemaResolverOptions _options;
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly long _aliasTicks;

    /// <summary>A resolver with its own connection to <paramref name="baseAddress"/>.</summary>
    public SchemaResolver(Uri baseAddress, string? token, SchemaResolverOptions? options = null)
        : this(new HttpClient { BaseAddress = baseAddress }, token, options)
    {
        _ownsHttp = true;
    }

    /// <summary>A resolver over a caller-owned <see cref="HttpClient"/> whose BaseAddress is the registry.</summary>
    public SchemaResolver(HttpClient http, string? token, SchemaResolverOptions? options = null)
    {
        _http = http;
        _options = options ?? new SchemaResolverOptions();
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        _aliasTicks = (long)(_options.AliasRevalidateAfter.TotalSeconds * Stopwatch.Frequency);
    }

    private sealed class Entry(ResolvedSchema value, bool immutable, long freshUntil)
    {
        public ResolvedSchema Value { get; } = value;
        public bool Immutable { get; } = immutable;
        public long FreshUntil { get; set; } = freshUntil;
    }

    /// <summary>The cached answer when it needs no trip to the registry (immutable, or an alias still fresh).</summary>
    public bool TryGetCached(string fqidOrAlias, out ResolvedSchema schema)
    {
        if (_cache.TryGetValue(fqidOrAlias, out var entry) && (entry.Immutable || Stopwatch.GetTimestamp() < entry.FreshUntil))
        {
            schema = entry.Value;
            return true;
        }
        schema = null!;
        return false;
    }

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> on which the resolver records
    /// <c>schema.resolver_latency_ms</c> (a histogram in milliseconds, tagged <c>source</c>: cache, registry, stale or
    /// error); subscribe to it, e.g. <c>AddMeter(SchemaResolver.MeterName)</c> in OpenTelemetry.
    /// </summary>
    public const string MeterName = "SchemaRegistry.Client";

    /// <summary>Resolves an FQID or alias: from cache when possible, else from the registry (see the class summary).</summary>
    public ValueTask<ResolvedSchema> ResolveAsync(string fqidOrAlias, CancellationToken cancellationToken = default)
    {
        if (!ResolverMetrics.Latency.Enabled)
        {
            return TryGetCached(fqidOrAlias, out var cached) ? ValueTask.FromResult(cached) : new ValueTask<ResolvedSchema>(FetchAsync(fqidOrAlias, cancellationToken));
        }
        var started = Stopwatch.GetTimestamp();
        if (TryGetCached(fqidOrAlias, out var hit))
        {
            ResolverMetrics.Record(started, "cache");
            return ValueTask.FromResult(hit);
        }
        return new ValueTask<ResolvedSchema>(TimedFetchAsync(fqidOrAlias, started, cancellationToken));
    }

    private async Task<ResolvedSchema> TimedFetchAsync(string key, long started, CancellationToken cancellationToken)
    {
        try
        {
            var resolved = await FetchAsync(key, cancellationToken);
            ResolverMetrics.Record(started, resolved.Stale ? "stale" : "registry");
            return resolved;
        }
        catch
        {
            ResolverMetrics.Record(started, "error");
            throw;
        }
    }

    private async Task<ResolvedSchema> FetchAsync(string key, CancellationToken cancellationToken)
    {
        _cache.TryGetValue(key, out var known);
        RegistryApiException? failure = null;
        for (var attempt = 0; attempt <= _options.Retries; attempt++)
        {
            if (attempt > 0)
            {
                var delay = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
            }
            try
            {
                return await SendAsync(key, known, cancellationToken);
            }
            catch (RegistryApiException e) when (IsTransient(e))
            {
                failure = e;
            }
        }
        if (known is not null && _options.FallBackToLastKnownGood)
        {
            // Keep serving the last good copy, and do not ask again before the next revalidation period.
            known.FreshUntil = Stopwatch.GetTimestamp() + _aliasTicks;
            return known.Value with { Stale = true };
        }
        throw failure!;
    }

    private static bool IsTransient(RegistryApiException e) => e.Status is 0 or >= 500;

    private async Task<ResolvedSchema> SendAsync(string key, Entry? known, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/schema/" + Uri.EscapeDataString(key));
        if (known?.Value.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryApiException(new ProblemResponse(null, "Timeout", 0,
                $"The registry did not answer {key} within {_options.Timeout.TotalMilliseconds:0} ms.", RegistryClient.TimeoutCode), e);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryApiException(new ProblemResponse(null, "Unreachable", 0, $"Cannot reach the registry: {e.Message}", RegistryClient.UnreachableCode), e);
        }
        using (response)
        {
            var now = DateTimeOffset.UtcNow;
            if (response.StatusCode == HttpStatusCode.NotModified && known is not null)
            {
                known.FreshUntil = Stopwatch.GetTimestamp() + _aliasTicks;
                return known.Value;
            }
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                ProblemResponse? problem = null;
                try
                {
                    problem = JsonSerializer.Deserialize<ProblemResponse>(text, RegistryJson.Options);
                }
                catch (JsonException)
                {
                }
                throw new RegistryApiException((problem ?? new ProblemResponse(null, response.ReasonPhrase, 0, text, null)) with { Status = (int)response.StatusCode });
            }
            var schema = await response.Content.ReadFromJsonAsync<SchemaResponse>(RegistryJson.Options, timeout.Token)
                ?? throw new RegistryApiException(new ProblemResponse(null, "Empty answer", (int)response.StatusCode, "The registry sent no body.", null));
            var resolved = new ResolvedSchema(schema, response.Headers.ETag?.ToString(), false, now);
            var immutable = IsExact(key) && schema.State is "published" or "deprecated";
            _cache[key] = new Entry(resolved, immutable, Stopwatch.GetTimestamp() + _aliasTicks);
            if (!immutable && schema.State is "published" or "deprecated")
            {
                // The version an alias points at is itself immutable: cache it under its own FQID too.
                _cache[schema.Fqid] = new Entry(resolved with { Schema = schema with { Requested = null } }, true, 0);
            }
            return resolved;
        }
    }

    [GeneratedRegex(@":v\d+\.\d+$")]
    private static partial Regex ExactVersion();

    private static bool IsExact(string key) => ExactVersion().IsMatch(key);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
