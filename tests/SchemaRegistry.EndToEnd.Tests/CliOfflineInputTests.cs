using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// Issue 21, the points that need no running registry: files that are not schemas or not JSON, outputs a command
/// does not write, help and unknown flags, and <c>serve</c> on a port that is taken.
/// </summary>
public sealed class CliOfflineInputTests : IDisposable
{
    private const string Valid = """{"type":"object","properties":{"id":{"type":"string"}}}""";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Schema_diff_refuses_a_file_that_is_not_a_schema_with_every_finding_and_exit_2()
    {
        await Write("old.json", Valid);
        await Write("new.json", """{"type":"object","properties":{"id":{"type":"strng"},"n":{"minimum":"zero"}},"required":"id"}""");

        var result = await Run("schema", "diff", "old.json", "new.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error VAL-1102: new.json is not a valid JSON Schema (3 findings); nothing was compared.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 new.json#/properties/id/type: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 new.json#/properties/n/minimum: Expected number but found a string.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 new.json#/required: Expected array but found a string.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("compatible", result.Stderr + result.Stdout, StringComparison.Ordinal);

        var json = await Run("schema", "diff", "new.json", "old.json", "-o", "json");
        Assert.Equal(2, json.ExitCode);
        var problem = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal("VAL-1102", problem.GetProperty("code").GetString());
        Assert.Equal(3, problem.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_schema_document_is_checked_at_its_payload_pointer()
    {
        await Write("old.json", Valid);
        await Write("doc.json", """{"fqid":"finance.gdp.invoice:v1.1","owner":"o","payload":{"type":"strng"}}""");

        var result = await Run("schema", "diff", "old.json", "doc.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("VAL-1102 doc.json#/payload/type: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_validate_with_an_invalid_schema_reports_every_problem_with_its_code_and_location()
    {
        await Write("bad.json", """{"type":"object","properties":{"a":{"type":"strng"},"b":{"minimum":"zero"}},"required":"a"}""");
        await Write("d.ndjson", "{\"a\":\"x\"}\n");

        var result = await Run("data", "validate", "--schema", "bad.json", "--input", "d.ndjson");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error VAL-1102: bad.json is not a valid JSON Schema (3 findings); no record was validated.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 bad.json#/properties/a/type: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 bad.json#/properties/b/minimum: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("VAL-1102 bad.json#/required: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"object\",\n  \"properties\": {\"a\": {\"type\": \"string\"},}\n}\n", "2:42", "a comma before '}': JSON allows no trailing comma.")]
    [InlineData("{\"type\": 'object'}", "1:10", "a single quote cannot start a value: JSON strings take double quotes (\").")]
    [InlineData("{\"type\":\"object\",\n\"properties\":{\n", "3:1", "the file ends inside an object or array: a '}' or ']' is missing.")]
    [InlineData("{\"é\":\"x\" \"type\":1}", "1:10", "'\"' after a value: expected ',' or the closing '}' or ']' (a comma missing?).")]
    public async Task A_json_syntax_error_names_the_file_the_1_based_line_and_column_and_what_is_wrong(string text, string at, string what)
    {
        await Write("old.json", Valid);
        await Write("broken.json", text);
        await Write("d.ndjson", "{}\n");

        foreach (var args in new[]
        {
            new[] { "schema", "diff", "old.json", "broken.json" },
            new[] { "data", "validate", "--schema", "broken.json", "--input", "d.ndjson" },
            new[] { "jsonschema", "validate", "--schema", "broken.json", "--instance", "old.json" },
            new[] { "schema", "register", "broken.json", "--server", "http://127.0.0.1:9" },
        })
        {
            var result = await Run(args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stderr}");
            Assert.Equal($"error: broken.json:{at}: invalid JSON: {what}\n", result.Stderr);
        }
    }

    [Theory]
    [InlineData("data", "validate", "--schema", "s.json", "--input", "d.ndjson", "-o", "junit")]
    [InlineData("schema", "list", "-o", "yaml")]
    [InlineData("schema", "list", "-o", "text")]
    [InlineData("drift", "ack", "1", "-o", "json")]
    [InlineData("schema", "diff", "s.json", "s.json", "-o", "table")]
    public async Task An_output_a_command_does_not_write_is_a_usage_error(params string[] args)
    {
        await Write("s.json", Valid);
        await Write("d.ndjson", "{}\n");

        var result = await Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var value = args[^1];
        Assert.Contains(args[^2] == "-o" && args[0] == "drift" ? "has no option -o" : $"cannot write '{value}': --output takes ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_help_lists_only_the_outputs_and_the_global_options_its_command_uses()
    {
        var list = (await Run("schema", "list", "--help")).Stdout;
        Assert.Contains("-o, --output <table|json>", list, StringComparison.Ordinal);
        Assert.Contains("--server", list, StringComparison.Ordinal);

        // A side of a diff may be a registered FQID, fetched from the registry: diff takes --server and --token too.
        var diff = (await Run("schema", "diff", "--help")).Stdout;
        Assert.Contains("-o, --output <text|json|junit>", diff, StringComparison.Ordinal);
        Assert.Contains("--server", diff, StringComparison.Ordinal);
        Assert.Contains("--token", diff, StringComparison.Ordinal);

        foreach (var offline in new[] { new[] { "jsonschema", "validate", "--help" }, ["serve", "--help"], ["migrate", "--help"] })
        {
            var help = (await Run(offline)).Stdout;
            Assert.DoesNotContain("--server", help, StringComparison.Ordinal);
            Assert.DoesNotContain("--token", help, StringComparison.Ordinal);
            Assert.DoesNotContain("--output", help, StringComparison.Ordinal);
        }

        var ack = (await Run("drift", "ack", "--help")).Stdout;
        Assert.Contains("--server", ack, StringComparison.Ordinal);
        Assert.DoesNotContain("--output", ack, StringComparison.Ordinal);

        var root = (await Run("--help")).Stdout;
        Assert.DoesNotContain("--server", root, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_prints_the_error_and_the_closest_option_first_without_the_help()
    {
        var result = await Run("schema", "list", "--domian", "finance");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: 'schemareg schema list' has no option --domian. Did you mean --domain?", lines[0]);
        Assert.Equal("See 'schemareg schema list --help' for its usage.", lines[^1]);
        Assert.DoesNotContain("Usage:", result.Stdout + result.Stderr, StringComparison.Ordinal);

        var command = await Run("schema", "lsit");
        Assert.Equal("error: 'schemareg schema' does not take 'lsit'. Did you mean list?\nSee 'schemareg schema --help' for its usage.\n", command.Stderr);

        var value = await Run("schema", "list", "--outptu", "json");
        Assert.Equal("error: 'schemareg schema list' has no option --outptu. Did you mean --output?\nSee 'schemareg schema list --help' for its usage.\n", value.Stderr);
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_says_so_in_one_line_before_creating_data_or_minting_a_key()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await Run("serve", "--urls", url, "--data-dir", "fresh");

        Assert.Equal(3, result.ExitCode); // the server cannot run: docs/cli.md's "server or network"
        Assert.Equal("", result.Stdout);
        Assert.Equal($"error: {url} is already in use (another `schemareg serve`?); stop that process, or listen elsewhere with --urls.\n", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "fresh")), "serve created its data folder");
    }

    private Task Write(string name, string text) => File.WriteAllTextAsync(Path.Combine(_dir.Path, name), text);

    private Task<Schemareg.Result> Run(params string[] args) => Schemareg.RunAsync(_dir.Path, null, args);
}
