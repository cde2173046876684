using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SchemaRegistry.Client;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>console --url U --admin-token T [--subjects 10000] [--requests 200] [--markdown FILE]</c>: seeds subjects through
/// the API, signs in to the console with the admin key, then times (sequentially on loopback) <c>/ui/subjects</c>, a
/// later page of it, a field search and a text search, both client-side (an upper bound of the server's work) and as
/// the server reports it in <c>Server-Timing: app;dur=</c> (its queries and rendering, what the target is about, and
/// less disturbed by a loaded machine), and measures every page's first-load transfer (HTML plus the stylesheet).
/// Targets: P95 ≤ 50 ms server-side; no page over 300 KB.
/// </summary>
internal static partial class ConsoleCommand
{
    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var url = new Uri(arguments.Required("url"));
        var token = arguments.Required("admin-token");
        var subjects = arguments.Int("subjects", 10_000, 1);
        var requests = arguments.Int("requests", 200, 10);
        var markdown = arguments.Optional("markdown");
        arguments.RejectUnknown();

        using var client = new RegistryClient(url, token);
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, subjects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var field = i == 4_321 ? "invoice_region_code" : $"field_{i % 97}";
            await client.RegisterDocumentAsync(
                $$"""{"fqid": "bench.raw.entity_{{i:00000}}:v1.0", "owner": "team-{{i % 40}}", "description": "Entity {{i}}", "tags": {"tier": "{{i % 3}}"}, "payload": {"type": "object", "properties": {"id": {"type": "string"}, "{{field}}": {"type": "string"} } } }""",
                ct);
        });
        Console.WriteLine($"Seeded {subjects} subjects in {seeding.Elapsed.TotalSeconds:0.0} s.");

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = url };
        await SignInAsync(http, token);

        var timed = new List<(string Name, Timings Times)>
        {
            ("/ui/subjects", await TimeAsync(http, "/ui/subjects", requests)),
            ($"/ui/subjects page {Math.Max(1, subjects / 100)}", await TimeAsync(http, $"/ui/subjects?page={Math.Max(1, subjects / 100)}", requests)),
            ("field search invoice_region_code", await TimeAsync(http, "/ui/subjects?field=invoice_region_code", requests)),
            ("field search field_1 (many hits)", await TimeAsync(http, "/ui/subjects?field=field_1", requests)),
            ("text + owner search", await TimeAsync(http, "/ui/subjects?q=entity_09&owner=team-1", requests)),
        };

        var css = Regex.Match(await http.GetStringAsync("/ui/subjects"), "href=\"(/ui/assets/console.css[^\"]*)\"").Groups[1].Value;
        var cssBytes = (await http.GetByteArrayAsync(css)).Length;
        var pages = new[] { "/ui/", "/ui/subjects", "/ui/subjects?field=invoice_region_code", "/ui/subjects/bench.raw.entity_04321",
            "/ui/schemas/bench.raw.entity_04321:v1.0", "/ui/diff?from=bench.raw.entity_04321:v1.0&to=bench.raw.entity_04322:v1.0", "/ui/approvals",
            "/ui/drift", "/ui/runs", "/ui/lineage?fqid=bench.raw.entity_04321:v1.0", "/ui/events", "/ui/audit", "/ui/register", "/ui/keys" };
        var transfers = new List<(string Page, int Bytes)>();
        foreach (var page in pages)
        {
            transfers.Add((page, (await http.GetByteArrayAsync(page)).Length + cssBytes));
        }
        using (var anonymous = new HttpClient { BaseAddress = url })
        {
            transfers.Add(("/ui/signin", (await anonymous.GetByteArrayAsync("/ui/signin")).Length + cssBytes));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Console with {subjects:N0} subjects (seeded in {seeding.Elapsed.TotalSeconds:0} s); {requests} sequential requests each, after 20 warm-up requests.");
        report.AppendLine();
        report.AppendLine("| Page | Server P50 ms | Server P95 ms | Server P99 ms | Client P50 ms | Client P95 ms | Client P99 ms | Target server P95 ≤ 50 ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var pass = true;
        foreach (var (name, times) in timed)
        {
            var p95 = Percentile(times.Server, 0.95);
            pass &= p95 <= 50;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(times.Server, 0.50):0.0} | {p95:0.0} | {Percentile(times.Server, 0.99):0.0} | {Percentile(times.Client, 0.50):0.0} | {Percentile(times.Client, 0.95):0.0} | {Percentile(times.Client, 0.99):0.0} | {(p95 <= 50 ? "pass" : "FAIL")} |");
        }
        report.AppendLine();
        report.AppendLine("| First load (HTML + stylesheet) | Bytes | Target ≤ 300 KB |");
        report.AppendLine("|---|---:|---|");
        foreach (var (page, bytes) in transfers)
        {
            pass &= bytes <= 300 * 1024;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {page} | {bytes:N0} | {(bytes <= 300 * 1024 ? "pass" : "FAIL")} |");
        }
        Console.WriteLine(report);
        if (markdown is not null)
        {
            await File.WriteAllTextAsync(markdown, report.ToString());
        }
        return pass ? 0 : 1;
    }

    private static async Task SignInAsync(HttpClient http, string token)
    {
        var page = await http.GetStringAsync("/ui/signin");
        var antiforgery = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = antiforgery, ["key"] = token, ["returnUrl"] = "/ui/",
        });
        using var answer = await http.PostAsync(new Uri("/ui/signin", UriKind.Relative), form);
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Console sign-in answered {(int)answer.StatusCode}.");
        }
    }

    private sealed record Timings(double[] Client, double[] Server);

    private static async Task<Timings> TimeAsync(HttpClient http, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            await http.GetByteArrayAsync(path);
        }
        var client = new double[requests];
        var server = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            client[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
            }
            server[i] = ServerDuration(response) ?? throw new InvalidOperationException($"GET {path} sent no Server-Timing app;dur=.");
        }
        Array.Sort(client);
        Array.Sort(server);
        return new Timings(client, server);
    }

    private static double? ServerDuration(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && Duration().Match(string.Join(",", values)) is { Success: true } match
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex(@"app;dur=([0-9.]+)")]
    private static partial Regex Duration();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
