using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>
/// Closed-loop registration load: <c>workers</c> tasks each send <c>POST /v1/schema</c> of a new FQID, wait for the
/// answer and send the next, spreading requests round-robin over the replicas. Every FQID is distinct, so every
/// request should be a 201.
/// </summary>
internal sealed class WriteLoad(IReadOnlyList<HttpClient> replicas, string payload, string runId)
{
    private long _next = -1;
    private long _turn = -1;

    /// <summary>FQIDs answered 201, by any phase (warm-up included): each must have exactly one registration event.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Created { get; } = [];

    /// <summary>Error answers by status and code, for the report.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> ErrorKinds { get; } = new();

    public sealed record Result(long Requests, long Created, long Errors, double Seconds, double P50, double P90, double P99, double Max)
    {
        public double PerSecond => Created / Seconds;
    }

    public async Task<Result> RunAsync(int workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[workers];
        long created = 0, errors = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(8192);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await RegisterOneAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok)
                {
                    Interlocked.Increment(ref created);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, created, errors, seconds, Percentile(all, 50), Percentile(all, 90), Percentile(all, 99),
            all.Length == 0 ? double.NaN : all[^1]);
    }

    /// <summary>
    /// Registers <paramref name="count"/> FQIDs each through every replica at once: exactly one 201 per FQID, the
    /// others 409 REG-1002. Returns the FQIDs whose outcome was anything else, with what happened.
    /// </summary>
    public async Task<List<string>> ContestAsync(int count)
    {
        var wrong = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var fqid = $"bench.gdp.{runId}_contested_{i}:v1.0";
            var outcomes = await Task.WhenAll(replicas.Select(async (http, r) =>
            {
                using var response = await http.PostAsync("v1/schema", Body(fqid));
                return (Replica: r, Status: (int)response.StatusCode, Code: await CodeAsync(response));
            }));
            var winners = outcomes.Count(o => o.Status == 201);
            if (winners == 1)
            {
                Created.Add(fqid);
            }
            if (winners != 1 || outcomes.Any(o => o.Status != 201 && (o.Status != 409 || o.Code != "REG-1002")))
            {
                wrong.Add($"{fqid}: {string.Join(", ", outcomes.Select(o => $"replica {o.Replica} {o.Status} {o.Code}"))}");
            }
        }
        return wrong;
    }

    private async Task<bool> RegisterOneAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var http = replicas[(int)(Interlocked.Increment(ref _turn) % replicas.Count)];
        var fqid = $"bench.gdp.{runId}_{n}:v1.0";
        try
        {
            using var response = await http.PostAsync("v1/schema", Body(fqid));
            // The answer is read whole, as a client would.
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Created.Add(fqid);
                return true;
            }
            ErrorKinds.AddOrUpdate($"{(int)response.StatusCode} {Code(text)}", 1, (_, c) => c + 1);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ErrorKinds.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
        }
        return false;
    }

    private StringContent Body(string fqid) =>
        new($$"""{"fqid":"{{fqid}}","owner":"bench-team","description":"Write benchmark","payload":{{payload}}}""", Encoding.UTF8, "application/json");

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => Code(await response.Content.ReadAsStringAsync());

    private static string? Code(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
