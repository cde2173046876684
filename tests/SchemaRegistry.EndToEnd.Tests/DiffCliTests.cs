using System.Text.Json;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary><c>schemareg schema diff</c> works offline, for CI: exit 0 compatible, 1 incompatible, 2 error.</summary>
public sealed class DiffCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Diff_exit_codes_follow_the_mode()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "old.json"), """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "new.json"),
            """{"fqid":"finance.gdp.invoice:v1.1","owner":"o","payload":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}""");

        var backward = await Schemareg.RunAsync(_dir.Path, null, "schema", "diff", "old.json", "new.json");
        Assert.Equal(1, backward.ExitCode);
        Assert.Contains("required_added", backward.Stdout, StringComparison.Ordinal);

        var forward = await Schemareg.RunAsync(_dir.Path, null, "schema", "diff", "old.json", "new.json", "--mode", "FORWARD", "--output", "json");
        Assert.Equal(0, forward.ExitCode);
        var report = JsonDocument.Parse(forward.Stdout).RootElement;
        Assert.True(report.GetProperty("compatible").GetBoolean());
        Assert.Equal("required_added", report.GetProperty("changes")[0].GetProperty("kind").GetString());

        var junit = await Schemareg.RunAsync(_dir.Path, null, "schema", "diff", "old.json", "new.json", "--output", "junit");
        Assert.Contains("failures=\"1\"", junit.Stdout, StringComparison.Ordinal);

        var missing = await Schemareg.RunAsync(_dir.Path, null, "schema", "diff", "old.json", "nope.json");
        Assert.Equal(2, missing.ExitCode);
    }
}
