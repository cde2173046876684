using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// Issue 21 against a running registry: files sent as written, misspelt filters, hints in CLI terms, VAL-1402's ways
/// out, <c>config get</c> of a subject that does not exist, and a registry that cannot be reached.
/// </summary>
public sealed class CliGuidanceTests : IAsyncLifetime
{
    private const string Admin = "sr_cli_guidance_admin_0123456789abcdef";
    private const string V1 = """{"fqid":"finance.gdp.invoice:v1.0","owner":"finance-data","payload":{"type":"object","properties":{"id":{"type":"string"}}}}""";
    private readonly TempDirectory _dir = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "v1.json"), V1);
        await Cli("schema", "register", "v1.json");
        await Cli("schema", "publish", "finance.gdp.invoice:v1.0", "--force", "--reason", "guidance tests");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Register_sends_the_file_as_written_so_a_misspelt_member_is_refused_with_REQ_1001_and_the_close_spelling()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "typo.json"),
            """{"fqid":"finance.gdp.typo:v1.0","owner":"finance-data","compatiblity":"FULL","payload":{"type":"object"}}""");

        var result = await Failing("schema", "register", "typo.json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("error REQ-1001: This call does not take 'compatiblity'. Did you mean compatibility? See /openapi/v1.json for its members.\n", result.Stderr);
        Assert.Contains("REG-1001", (await Failing("schema", "get", "finance.gdp.typo:v1.0")).Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--type: unknown event type 'SchemaPublishd'. Did you mean SchemaPublished?", "events", "list", "--type", "SchemaPublishd")]
    [InlineData("--type: unknown event type 'SchemaPublishd'. Did you mean SchemaPublished?", "subscriptions", "create", "--url", "http://127.0.0.1:9/h", "--secret", "a-secret-of-16-chars-or-more", "--type", "SchemaPublishd")]
    [InlineData("--subject: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "events", "list", "--subject", "finance.gdp.invoce")]
    [InlineData("--subject: finance.gdp.invoice:v1.9 does not exist. Did you mean finance.gdp.invoice:v1.0? finance.gdp.invoice has finance.gdp.invoice:v1.0.", "events", "list", "--subject", "finance.gdp.invoice:v1.9")]
    [InlineData("--schema: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "lineage", "--schema", "finance.gdp.invoce")]
    [InlineData("--schema: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice:v1.0?", "runs", "list", "--schema", "finance.gdp.invoce:v1.0")]
    [InlineData("--pipeline: pipeline finance_gdp_transfrom is not registered. Did you mean finance_gdp_transform?", "lineage", "--pipeline", "finance_gdp_transfrom")]
    [InlineData("--subject: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "drift", "list", "--subject", "finance.gdp.invoce")]
    [InlineData("--subject: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "quarantine", "ls", "--subject", "finance.gdp.invoce")]
    [InlineData("--target: subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "audit", "list", "--target", "finance.gdp.invoce")]
    [InlineData("--domain: no subject has domain 'fnance'. Did you mean finance?", "schema", "list", "--domain", "fnance")]
    [InlineData("subject finance.gdp.invoce does not exist. Did you mean finance.gdp.invoice?", "config", "get", "finance.gdp.invoce")]
    public async Task A_filter_naming_nothing_that_exists_is_an_error_with_the_closest_name(string message, params string[] args)
    {
        await Cli("pipelines", "register", "finance_gdp_transform", "--layer", "gdp", "--fqid", "finance.gdp.invoice:latest");

        var result = await Failing(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {message}\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Config_get_and_set_work_on_an_existing_subject_and_set_takes_compatibility_as_an_option()
    {
        Assert.Equal("finance.gdp.invoice: BACKWARD (default)\n", (await Cli("config", "get", "finance.gdp.invoice")).Stdout);
        Assert.Equal("finance.gdp.invoice: FORWARD (subject)\n", (await Cli("config", "set", "finance.gdp.invoice", "--compatibility", "FORWARD")).Stdout);
        Assert.Equal("finance.gdp.invoice: FORWARD (subject)\n", (await Cli("config", "get", "finance.gdp.invoice")).Stdout);
        await Cli("config", "set", "finance.gdp.invoice", "BACKWARD");
    }

    [Fact]
    public async Task Config_set_policy_sets_the_registration_policy_and_config_get_policy_shows_it()
    {
        Assert.Equal("finance.gdp.invoice: registration policy reviewed (default)\n", (await Cli("config", "get", "finance.gdp.invoice", "--policy")).Stdout);
        Assert.Equal("finance.gdp.invoice: registration policy direct (subject)\n", (await Cli("config", "set", "finance.gdp.invoice", "--policy", "direct")).Stdout);
        Assert.Equal("finance.gdp.invoice: registration policy direct (subject)\n", (await Cli("config", "get", "finance.gdp.invoice", "--policy")).Stdout);
        var wrong = await Failing("config", "set", "finance.gdp.invoice", "--policy", "sometimes");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--policy must be direct or reviewed", wrong.Stderr, StringComparison.Ordinal);
        await Cli("config", "set", "finance.gdp.invoice", "--policy", "reviewed");
    }

    [Fact]
    public async Task VAL_1402_for_an_optional_field_on_an_open_object_prints_its_reason_once_with_the_title_and_the_ways_out()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "v11.json"),
            """{"fqid":"finance.gdp.invoice:v1.1","owner":"finance-data","payload":{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}}}}""");
        await Cli("schema", "register", "v11.json");

        var result = await Failing("schema", "validate", "finance.gdp.invoice:v1.1");

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n');
        Assert.Equal("error VAL-1402: Incompatible change needs a new major version", lines[0]);
        Assert.Single(lines, l => l.Contains("The old", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(result.Stderr, "Property 'note' was added"));
        Assert.All(lines, l => Assert.True(l.Length <= 160, $"a line of {l.Length} characters: {l}"));
        Assert.Contains("  - make it a new major version: register the change as finance.gdp.invoice:v2.0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  - close the object (\"additionalProperties\": false)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("`schemareg config set finance.gdp.invoice --compatibility FORWARD`", result.Stderr, StringComparison.Ordinal);

        // The way out it names works.
        await Cli("config", "set", "finance.gdp.invoice", "--compatibility", "FORWARD");
        Assert.Contains("is valid", (await Cli("schema", "validate", "finance.gdp.invoice:v1.1")).Stdout, StringComparison.Ordinal);
        await Cli("config", "set", "finance.gdp.invoice", "--compatibility", "BACKWARD");
    }

    [Fact]
    public async Task Hints_name_cli_commands_not_http_calls()
    {
        var again = await Failing("schema", "register", "v1.json");

        Assert.Equal("error REG-1002: finance.gdp.invoice:v1.0 is already registered; edit the draft with `schemareg schema edit FILE` or register a new version.\n",
            again.Stderr);

        var undeclared = await Failing("runs", "start", "--pipeline", "nobody_declared_this");
        Assert.Contains("(`schemareg pipelines register`)", undeclared.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/", undeclared.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_error_says_where_tokens_are_looked_for()
    {
        var none = await Schemareg.RunAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_URL"] = _server.Url.ToString() }, "schema", "list");

        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("error AUTH-1001", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: no API key was found; one is looked for in --token, the SCHEMAREG_TOKEN variable, then ./data/admin.token", none.Stderr, StringComparison.Ordinal);

        var wrong = await Schemareg.RunAsync(_dir.Path, null, "schema", "list", "--server", _server.Url.ToString(), "--token", "sr_not_a_key_0123456789");
        Assert.Contains("hint: the API key from --token was refused", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_registry_is_one_line_with_the_way_to_start_or_find_it()
    {
        var url = $"http://127.0.0.1:{Schemareg.FreePort()}";

        var result = await Schemareg.RunAsync(_dir.Path, null, "schema", "list", "--server", url, "--token", Admin);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error REQ-1009: Cannot reach the registry at {url}/", line, StringComparison.Ordinal);
        Assert.EndsWith("Start it with `schemareg serve`, or point to it with --server or SCHEMAREG_URL.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("error error", line, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private Task<Schemareg.Result> Cli(params string[] args) => Run(args, expectSuccess: true);

    private Task<Schemareg.Result> Failing(params string[] args) => Run(args, expectSuccess: false);

    private async Task<Schemareg.Result> Run(string[] args, bool expectSuccess)
    {
        var env = new Dictionary<string, string> { ["SCHEMAREG_URL"] = _server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin };
        var result = await Schemareg.RunAsync(_dir.Path, env, args);
        Assert.True(expectSuccess == (result.ExitCode == 0), $"schemareg {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result;
    }
}
