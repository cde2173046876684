using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>Output made for scripts (JSON values, JSON pointers, an FQID that is one) and for people (columns with headers).</summary>
public sealed class CliOutputTests(CliServer cli) : IClassFixture<CliServer>
{
    private const string Old = """{"type":"object","properties":{"id":{"type":"string"},"region":{"type":"string","maxLength":10}}}""";
    private const string New = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"region":{"type":"string","maxLength":5}}}""";
    private const string Invoice = """{"type":"object","required":["id","amount"],"properties":{"id":{"type":"string"},"amount":{"type":"number"},"lines":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"}}}}}}""";

    [Fact]
    public async Task Diff_json_carries_values_not_json_text_and_text_names_backward_and_forward_in_columns()
    {
        await cli.WriteAsync("old.json", Old);
        await cli.WriteAsync("new.json", New);

        var json = await cli.RunAsync("schema", "diff", "old.json", "new.json", "-o", "json");
        var changes = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("changes").EnumerateArray().ToList();
        var bound = changes.Single(c => c.GetProperty("kind").GetString() == "bound_tightened");
        Assert.Equal((JsonValueKind.Number, 10, 5), (bound.GetProperty("old").ValueKind, bound.GetProperty("old").GetInt32(), bound.GetProperty("new").GetInt32()));
        Assert.Equal(JsonValueKind.Object, changes.Single(c => c.GetProperty("kind").GetString() == "required_added").GetProperty("example").ValueKind);
        Assert.DoesNotContain("\\\"", json.Stdout, StringComparison.Ordinal);

        var text = (await cli.RunAsync("schema", "diff", "old.json", "new.json")).Stdout.Split('\n');
        var header = text.Single(l => l.StartsWith("BACKWARD", StringComparison.Ordinal));
        Assert.Matches(@"^BACKWARD +FORWARD +KIND +PATH +REASON$", header.TrimEnd());
        var row = text.Single(l => l.Contains("bound_tightened", StringComparison.Ordinal));
        Assert.Matches(@"^BREAKS +ok +bound_tightened +/properties/region/maxLength +The upper bound", row);
        // Columns line up under the header; a long reason wraps onto lines indented to the reason column.
        Assert.Equal(header.IndexOf("KIND", StringComparison.Ordinal), row.IndexOf("bound_tightened", StringComparison.Ordinal));
        var reasonColumn = header.IndexOf("REASON", StringComparison.Ordinal);
        Assert.All(text.Where(l => l.Length > 0), l => Assert.True(l.Length <= Math.Max(100, reasonColumn + 40), l));
        Assert.Contains(text, l => l.Length > reasonColumn && l[..reasonColumn].Trim().Length == 0);
    }

    [Fact]
    public async Task Diff_takes_registered_fqids_files_and_both_mixed()
    {
        await cli.PublishAsync("finance.gdp.diffed:v1.0", Old);
        await cli.PublishAsync("finance.gdp.diffed:v2.0", New);
        await cli.WriteAsync("new.json", New);

        var registered = await cli.RunAsync("schema", "diff", "finance.gdp.diffed:v1.0", "finance.gdp.diffed:v2.0");
        Assert.True(registered.ExitCode == 1, registered.Stderr + registered.Stdout);
        Assert.Contains("INCOMPATIBLE under BACKWARD: 2 change(s)", registered.Stdout, StringComparison.Ordinal);
        var mixed = await cli.RunAsync("schema", "diff", "finance.gdp.diffed:v2.0", "new.json", "-o", "json");
        Assert.True(mixed.ExitCode == 0, mixed.Stderr + mixed.Stdout);
        Assert.Equal(0, JsonDocument.Parse(mixed.Stdout).RootElement.GetProperty("changes").GetArrayLength());
        var latest = await cli.RunAsync("schema", "diff", "new.json", "finance.gdp.diffed:latest");
        Assert.True(latest.ExitCode == 0, latest.Stderr + latest.Stdout);
        var unknown = await cli.RunAsync("schema", "diff", "finance.gdp.diffed:v9.0", "new.json");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("REG-1001", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_validate_json_has_pointers_sample_values_and_the_schema_file_apart_from_the_fqid()
    {
        await cli.WriteAsync("invoice.schema.json", Invoice);
        await cli.WriteAsync("drifting.ndjson", """
            {"id":"a","amount":1,"region":{"code":"EU-W"}}
            {"id":"b","amount":"12","lines":[{"sku":"x","qty":2}]}

            """.ReplaceLineEndings("\n"));

        var result = await cli.RunAsync("data", "validate", "--schema", "invoice.schema.json", "-i", "drifting.ndjson", "--quarantine", "q", "-o", "json");

        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, report.GetProperty("fqid").ValueKind);
        Assert.Equal("invoice.schema.json", report.GetProperty("schema_file").GetString());
        var newFields = report.GetProperty("drift").GetProperty("new_fields").EnumerateArray().ToList();
        var region = newFields.Single(f => f.GetProperty("path").GetString() == "/region");
        Assert.Equal("EU-W", region.GetProperty("samples")[0].GetProperty("code").GetString());
        Assert.Contains(newFields, f => f.GetProperty("path").GetString() == "/lines/*/qty");
        var amount = report.GetProperty("drift").GetProperty("type_changes")[0];
        Assert.Equal(("/amount", "12"), (amount.GetProperty("path").GetString(), amount.GetProperty("samples")[0].GetString()));
        // The quarantine manifest speaks the same pointers for drift as for invalid values.
        var paths = (await File.ReadAllLinesAsync(Path.Combine(cli.Path, "q", "manifest.ndjson")))
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("path").GetString()!)).ToList();
        Assert.Contains("/amount", paths);
        Assert.Contains("/region", paths);
        Assert.All(paths, p => Assert.StartsWith("/", p, StringComparison.Ordinal));

        await cli.PublishAsync("finance.gdp.reported:v1.0", Invoice);
        var registered = await cli.RunAsync("data", "validate", "--fqid", "finance.gdp.reported:latest", "-i", "drifting.ndjson", "-o", "json");
        var fromRegistry = JsonDocument.Parse(registered.Stdout).RootElement;
        Assert.Equal("finance.gdp.reported:v1.0", fromRegistry.GetProperty("fqid").GetString());
        Assert.False(fromRegistry.TryGetProperty("schema_file", out _));
    }

    [Fact]
    public async Task Events_list_has_a_header_and_a_subject_brings_its_versions_events()
    {
        await cli.PublishAsync("finance.gdp.evented:v1.0", Old);
        await cli.OkAsync("config", "set", "finance.gdp.evented", "FULL");

        var lines = (await cli.OkAsync("events", "list", "--subject", "finance.gdp.evented")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(@"^ +SEQ +TIME +TYPE +SUBJECT$", lines[0]);
        Assert.Contains(lines, l => l.Contains("SchemaPublished", StringComparison.Ordinal) && l.EndsWith("finance.gdp.evented:v1.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SubjectConfigChanged", StringComparison.Ordinal) && l.EndsWith("finance.gdp.evented", StringComparison.Ordinal));
        var exact = (await cli.OkAsync("events", "list", "--subject", "finance.gdp.evented:v1.0")).Stdout;
        Assert.DoesNotContain("SubjectConfigChanged", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_tail_starts_from_now_unless_asked_to_start_earlier()
    {
        await cli.PublishAsync("finance.gdp.tailed:v1.0", Old);

        var fromStart = await TailAsync(["--from-start", "--subject", "finance.gdp.tailed"], until: "SchemaPublished", act: null);
        Assert.Contains("SchemaRegistered", fromStart, StringComparison.Ordinal);

        var fromNow = await TailAsync(["--subject", "finance.gdp.tailed"], until: "SubjectConfigChanged",
            act: () => cli.OkAsync("config", "set", "finance.gdp.tailed", "FULL"));
        Assert.Contains("SubjectConfigChanged", fromNow, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaRegistered", fromNow, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaPublished", fromNow, StringComparison.Ordinal);

        var since = await TailAsync(["--since", DateTimeOffset.UtcNow.AddHours(-1).ToString("O"), "--subject", "finance.gdp.tailed"], until: "SubjectConfigChanged", act: null);
        Assert.Contains("SchemaRegistered", since, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_get_shows_the_payload_when_asked()
    {
        await cli.PublishAsync("finance.gdp.shown:v1.0", Old);

        var payload = await cli.OkAsync("schema", "get", "finance.gdp.shown:v1.0", "--payload");

        var parsed = JsonDocument.Parse(payload.Stdout).RootElement;
        Assert.Equal(10, parsed.GetProperty("properties").GetProperty("region").GetProperty("maxLength").GetInt32());
        Assert.False(parsed.TryGetProperty("fqid", out _));
    }

    /// <summary>Runs <c>events tail</c>, does <paramref name="act"/> once it runs, and returns what it printed by the time <paramref name="until"/> shows.</summary>
    private async Task<string> TailAsync(string[] options, string until, Func<Task>? act)
    {
        using var process = Schemareg.Start(cli.Path, cli.Env, ["events", "tail", .. options]);
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource();
        var following = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Following the event stream after sequence", StringComparison.Ordinal) == true)
            {
                following.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains(until, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        try
        {
            // The tail says which sequence "now" is once the registry answered; what happens after that must show.
            await following.Task.WaitAsync(TimeSpan.FromSeconds(60));
            if (act is not null)
            {
                await act();
            }
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (output)
        {
            return output.ToString();
        }
    }
}
