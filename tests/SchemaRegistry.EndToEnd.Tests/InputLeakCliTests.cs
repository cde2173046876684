using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// Issue 22, points 8 and 11 through the real executable: <c>data validate</c> on records that are not UTF-8, every
/// client command against a registry that is not there, and the log a flood of bad keys leaves.
/// </summary>
public sealed class InputLeakCliTests : IDisposable
{
    private const string Schema = """{"type":"object","properties":{"name":{"type":"string"},"n":{"type":"integer"}}}""";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Data_validate_quarantines_records_that_are_not_utf8_with_the_reason()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "s.json"), Schema);
        byte[][] bad = [[(byte)'a', 0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        var ndjson = new List<byte>("{\"name\":\"ok\",\"n\":1}\n"u8.ToArray());
        var csv = new List<byte>("n,name\n1,ok\n"u8.ToArray());
        foreach (var sequence in bad)
        {
            ndjson.AddRange([.. "{\"n\":2,\"name\":\""u8, .. sequence, .. "\"}\n"u8]);
            csv.AddRange([.. "2,"u8, .. sequence, .. "\n"u8]);
        }
        await File.WriteAllBytesAsync(Path.Combine(_dir.Path, "in.ndjson"), ndjson.ToArray());
        await File.WriteAllBytesAsync(Path.Combine(_dir.Path, "in.csv"), csv.ToArray());

        foreach (var input in new[] { "in.ndjson", "in.csv" })
        {
            var quarantine = "q-" + input;
            var result = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "s.json", "--input", input, "--quarantine", quarantine, "-o", "json");

            Assert.True(result.ExitCode == 1, $"{input}: exit {result.ExitCode}\n{result.Stdout}{result.Stderr}");
            var report = JsonDocument.Parse(result.Stdout).RootElement;
            Assert.Equal((4, 1, 3), (report.GetProperty("records").GetInt32(), report.GetProperty("valid").GetInt32(), report.GetProperty("invalid").GetInt32()));
            var reasons = (await File.ReadAllLinesAsync(Path.Combine(_dir.Path, quarantine, "manifest.ndjson")))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reasons")[0]).ToList();
            Assert.Equal(3, reasons.Count);
            Assert.All(reasons, r => Assert.Equal(("PIPE-1002", "/name"), (r.GetProperty("code").GetString(), r.GetProperty("path").GetString())));
        }
    }

    [Theory]
    [InlineData("export", "backup.tar.gz")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "export", "ledger.ndjson")]
    [InlineData("audit", "list")]
    [InlineData("schema", "get", "finance.gdp.invoice:latest")]
    [InlineData("keys", "list")]
    [InlineData("events", "list")]
    [InlineData("runs", "get", "jr-1")]
    public async Task A_client_command_against_a_stopped_server_prints_a_coded_error_and_a_hint_not_a_stack_trace(params string[] command)
    {
        var url = $"http://127.0.0.1:{Schemareg.FreePort()}";

        var result = await Schemareg.RunAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = url, ["SCHEMAREG_TOKEN"] = "sr_none" }, command);

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.StartsWith("error REQ-1009: Cannot reach the registry at", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--server or SCHEMAREG_URL", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_validate_through_a_stopped_server_exits_3_with_a_coded_error()
    {
        var url = $"http://127.0.0.1:{Schemareg.FreePort()}";
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "one.ndjson"), "{}\n");

        var result = await Schemareg.RunAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = url },
            "data", "validate", "--fqid", "finance.gdp.invoice:latest", "--input", "one.ndjson");

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("error REQ-1009", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_bad_keys_leaves_a_few_sampled_log_lines()
    {
        await using var server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = "sr_flood_admin_token_0123456789abcdef" });
        using var http = new HttpClient { BaseAddress = server.Url };
        for (var i = 0; i < 500; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/subjects");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"sr_bad_key_{i:D5}");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
        await Task.Delay(500); // the console logger writes on its own thread

        var lines = server.Output.Split('\n');
        Assert.DoesNotContain(lines, line => line.Contains("was not authenticated", StringComparison.Ordinal));
        var sampled = lines.Count(line => line.Contains("failed authentication", StringComparison.Ordinal));
        Assert.InRange(sampled, 1, 10);
    }
}
