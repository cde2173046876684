using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SchemaRegistry.Client;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>console --url U --admin-token T [--subjects 10000] [--requests 200] [--markdown FILE]</c>: seeds subjects through
/// the API, signs in to the console with the admin key, then times (sequentially, client-side on loopback, so an upper
/// bound of the server's render time) <c>/ui/subjects</c> and a field search, and measures every page's first-load
/// transfer (HTML plus the stylesheet). Targets: P95 ≤ 50 ms; no page over 300 KB.
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

        var subjectsPage = await TimeAsync(http, "/ui/subjects", requests);
        var fieldSearch = await TimeAsync(http, "/ui/subjects?field=invoice_region_code", requests);
        var textSearch = await TimeAsync(http, "/ui/subjects?q=entity_09&owner=team-1", requests);

        var css = Regex.Match(await http.GetStringAsync("/ui/subjects"), "href=\"(/ui/assets/console.css[^\"]*)\"").Groups[1].Value;
        var cssBytes = (await http.GetByteArrayAsync(css)).Length;
        var pages = new[] { "/ui/", "/ui/subjects", "/ui/subjects?field=invoice_region_code", "/ui/subjects/bench.raw.entity_04321",
            "/ui/schemas/bench.raw.entity_04321:v1.0", "/ui/register", "/ui/keys" };
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
        report.AppendLine(CultureInfo.InvariantCulture, $"Console with {subjects:N0} subjects; {requests} sequential requests each, after 20 warm-up requests.");
        report.AppendLine();
        report.AppendLine("| Page | P50 ms | P95 ms | P99 ms | Target P95 ≤ 50 ms |");
        report.AppendLine("|---|---:|---:|---:|---|");
        var pass = true;
        foreach (var (name, times) in new[] { ("/ui/subjects", subjectsPage), ("field search invoice_region_code", fieldSearch), ("text + owner search", textSearch) })
        {
            var p95 = Percentile(times, 0.95);
            pass &= p95 <= 50;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Percentile(times, 0.50):0.0} | {p95:0.0} | {Percentile(times, 0.99):0.0} | {(p95 <= 50 ? "pass" : "FAIL")} |");
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

    private static async Task<double[]> TimeAsync(HttpClient http, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            await http.GetByteArrayAsync(path);
        }
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
            }
        }
        Array.Sort(times);
        return times;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
