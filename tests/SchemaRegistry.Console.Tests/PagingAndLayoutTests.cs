using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Client;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Ui.Tests.Harness;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Tests;

/// <summary>
/// Paging of the runs and events pages (links, no script), the lineage graph drawing a pin as the version it resolves
/// to, the Server-Timing figure the console's benchmark reads, and a diff with long paths and values that fits a
/// 1280 px window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PagingAndLayoutTests(Browsers browsers) : IAsyncLifetime
{
    private const string Subject = "finance.gdp.invoice";

    private ConsoleServer _server = null!;
    private RegistryClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await ConsoleServer.StartAsync();
        _admin = _server.Client();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private async Task PublishAsync(string fqid, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        await _admin.RegisterAsync(new RegisterSchemaRequest(fqid, "finance-data", "Invoices", Payload: document.RootElement.Clone()));
        await _admin.ValidateAsync(fqid);
        await _admin.SubmitAsync(fqid);
        using (var approver = _server.Client(await _server.KeyAsync("approver-" + fqid.Replace(':', '-'), "schema-admin")))
        {
            await approver.ApproveAsync(fqid);
        }
        await _admin.PublishAsync(fqid);
    }

    private static async Task<string> HtmlAsync(ConsoleHttp http, string path)
    {
        using var page = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    private static string? Link(string html, string text) =>
        LinkPattern().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups[2].Value) == text) is { } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : null;

    [Fact]
    public async Task The_runs_page_pages_through_every_run_once_newest_first_with_links()
    {
        await PublishAsync($"{Subject}:v1.0", """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await _admin.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest", "pre_and_post", "quarantine", "finance-data"));
        var started = new List<string>();
        using (var runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner")))
        {
            for (var i = 0; i < 105; i++)
            {
                started.Add((await runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", $"run-{i:000}", null))).RunId);
            }
        }
        using var http = new ConsoleHttp(_server);
        Assert.Equal(HttpStatusCode.Redirect, (await http.SignInAsync(ConsoleServer.AdminToken)).StatusCode);

        var first = await HtmlAsync(http, "/ui/runs?pipeline=finance_gdp_transform");
        Assert.Null(Link(first, "Newest runs"));
        var older = Link(first, "Older runs") ?? throw new InvalidOperationException("The first page has no link to older runs.");
        Assert.StartsWith("/ui/runs?pipeline=finance_gdp_transform&after=run-", older, StringComparison.Ordinal);
        var second = await HtmlAsync(http, older);
        Assert.Null(Link(second, "Older runs"));
        Assert.Equal("/ui/runs?pipeline=finance_gdp_transform", Link(second, "Newest runs"));

        var firstIds = RunIds(first);
        var secondIds = RunIds(second);
        Assert.Equal(100, firstIds.Count);
        Assert.Equal(5, secondIds.Count);
        var expected = (await _admin.ListRunsAsync("finance_gdp_transform", null, 1000)).Select(r => r.RunId).ToList();
        Assert.Equal(expected, firstIds.Concat(secondIds));
        Assert.Equal(started.Order(StringComparer.Ordinal), expected.Order(StringComparer.Ordinal));

        using var unknown = await http.GetAsync("/ui/runs?after=run-none");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static List<string> RunIds(string html) =>
        RunLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_events_page_links_to_older_newer_and_newest_events_by_sequence()
    {
        for (var i = 0; i < 210; i++)
        {
            await _admin.RegisterAsync(new RegisterSchemaRequest($"sales.raw.entity_{i:000}:v1.0", "sales", "Entity",
                Payload: JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone()));
        }
        var last = await _server.Services.GetRequiredService<IRegistryStorage>().Events.LastSequenceAsync(CancellationToken.None);
        Assert.True(last >= 210, $"last sequence {last}");
        using var http = new ConsoleHttp(_server);
        await http.SignInAsync(ConsoleServer.AdminToken);

        var newest = await HtmlAsync(http, "/ui/events");
        Assert.Equal(Enumerable.Range((int)last - 99, 100).Select(s => (long)s), Sequences(newest));
        Assert.Null(Link(newest, "Newer events"));
        var older = Link(newest, "Older events") ?? throw new InvalidOperationException("The newest page has no link to older events.");
        Assert.Equal($"/ui/events?after={last - 200}", older);

        var page = await HtmlAsync(http, older);
        Assert.Equal(Enumerable.Range((int)last - 199, 100).Select(s => (long)s), Sequences(page));
        Assert.Equal($"/ui/events?after={last - 100}", Link(page, "Newer events"));
        Assert.Equal("/ui/events", Link(page, "Newest events"));
    }

    private static List<long> Sequences(string html) =>
        SequenceCell().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task The_lineage_graph_draws_a_latest_pin_as_the_version_it_resolves_to()
    {
        await PublishAsync($"{Subject}:v1.0", """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await PublishAsync($"{Subject}:v1.1", """{"type":"object","properties":{"id":{"type":"string"},"note":{}}}""");
        await _admin.RegisterPipelineAsync(new PipelineRequest("finance_gdp_transform", "gdp", $"{Subject}:latest", "pre_and_post", "quarantine", "finance-data"));
        await _admin.RegisterAsync(new RegisterSchemaRequest("sales.gdp.order:v1.0", "sales", "Orders, not published yet",
            Payload: JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone()));
        await _admin.RegisterPipelineAsync(new PipelineRequest("orders_gdp", "gdp", "sales.gdp.order:latest", "pre_and_post", "quarantine", "sales"));
        using var http = new ConsoleHttp(_server);
        await http.SignInAsync(ConsoleServer.AdminToken);

        var html = await HtmlAsync(http, "/ui/lineage");
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];

        Assert.Contains(">finance.gdp.invoice:v1.1</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(":latest", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("v1.0", svg, StringComparison.Ordinal);
        Assert.Contains("resolves to now", html, StringComparison.Ordinal);
        Assert.Contains("orders_gdp</a> pins <code>sales.gdp.order:latest</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_console_page_says_how_long_the_server_took_in_server_timing()
    {
        using var http = new ConsoleHttp(_server);
        await http.SignInAsync(ConsoleServer.AdminToken);
        foreach (var path in new[] { "/ui/subjects", "/ui/subjects?field=id", "/ui/signin" })
        {
            using var page = await http.GetAsync(path);
            var timing = string.Join(",", page.Headers.GetValues("Server-Timing"));
            Assert.Matches("^app;dur=[0-9]+\\.[0-9]{2}$", timing);
        }
    }

    [Fact]
    public async Task A_diff_with_long_paths_and_values_fits_a_1280_pixel_window()
    {
        var name = "invoice_" + string.Concat(Enumerable.Repeat("regional_settlement_", 12)) + "code";
        var value = string.Concat(Enumerable.Repeat("EUROPE-WEST-SETTLEMENT-REGION-", 10));
        static string Header(string properties) => """{"type":"object","properties":{"header":{"type":"object","properties":{""" + properties + "}}}}";
        await PublishAsync($"{Subject}:v1.0", Header($$"""
            "{{name}}":{"type":"string","enum":["{{value}}A","{{value}}B"]}
            """));
        using (var document = JsonDocument.Parse(Header($$"""
            "{{name}}":{"type":"string","enum":["{{value}}A"]},"{{name}}_2":{"type":"integer"}
            """)))
        {
            await _admin.RegisterAsync(new RegisterSchemaRequest($"{Subject}:v2.0", "finance-data", "Invoices", Payload: document.RootElement.Clone()));
        }
        await using var console = await ConsolePage.OpenAsync(browsers, _server, "diff-long-paths");
        await console.SignInAsync(ConsoleServer.AdminToken, $"/ui/diff?from={Subject}:v1.0&to={Subject}:v2.0");

        Assert.Contains(name, await console.Page.Locator("table.changes").InnerTextAsync(), StringComparison.Ordinal);
        var widths = await console.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls horizontally: {widths[0]} px wide in a {widths[1]} px window.");
    }

    [GeneratedRegex("<a href=\"([^\"]*)\"[^>]*>([^<]*)</a>")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<td><a href=\"/ui/runs/([^\"]+)\">")]
    private static partial Regex RunLink();

    [GeneratedRegex("<tr>\\s*<td>([0-9]+)</td>")]
    private static partial Regex SequenceCell();
}
