using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>The CLI as a .NET tool: installed from the local feed into a tool path, it knows its version and diffs offline.</summary>
[Collection(DistributionCollection.Name)]
public sealed class ToolTests(PackageFeed feed) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_tool_installs_from_the_feed_into_a_tool_path_prints_its_version_and_diffs_two_files_offline()
    {
        var tools = Path.Combine(_dir.Path, "tools");
        var environment = feed.DotnetEnvironment(ownPackages: true);
        var install = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["tool", "install", "schemareg", "--tool-path", tools, "--add-source", feed.Feed, "--version", feed.Version], _dir.Path, environment);
        Assert.True(install.ExitCode == 0, install.ToString());
        var schemareg = Path.Combine(tools, "schemareg");

        var version = await ChildProcess.RunAsync(schemareg, ["--version"], _dir.Path, environment);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(feed.Version, version.Stdout.Trim());

        // No server anywhere: SCHEMAREG_URL points at a closed port, and diff never calls it.
        environment["SCHEMAREG_URL"] = "http://127.0.0.1:9/";
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "a.json"), """{"type":"object","properties":{"id":{"type":"string"}}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "b.json"), """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""");
        var diff = await ChildProcess.RunAsync(schemareg, ["schema", "diff", "a.json", "b.json"], _dir.Path, environment);
        Assert.Equal(1, diff.ExitCode);
        Assert.StartsWith("INCOMPATIBLE under BACKWARD: 1 change(s)", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("required_added", diff.Stdout, StringComparison.Ordinal);
        var forward = await ChildProcess.RunAsync(schemareg, ["schema", "diff", "a.json", "b.json", "--mode", "FORWARD"], _dir.Path, environment);
        Assert.True(forward.ExitCode == 0, forward.ToString());
    }
}
