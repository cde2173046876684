using System.Globalization;
using System.Reflection;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Metrics;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>deploy/systemd: the example environment file sets only settings the server reads, and the unit waits out the drain.</summary>
public sealed class DeployFilesTests
{
    private static readonly string Systemd = Path.Combine(ChildProcess.RepositoryRoot, "deploy", "systemd");

    [Fact]
    public void Every_variable_of_the_example_environment_file_is_a_setting_the_server_reads()
    {
        var variables = Variables(Path.Combine(Systemd, "schemareg.env.example"), includeCommented: true);
        Assert.NotEmpty(variables);
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [RegistryOptions.Section] = typeof(RegistryOptions),
            [TelemetryOptions.Section] = typeof(TelemetryOptions),
        };
        foreach (var name in variables.Keys)
        {
            if (name.StartsWith("SCHEMAREG__", StringComparison.Ordinal))
            {
                var path = name["SCHEMAREG__".Length..].Split("__");
                Assert.True(sections.TryGetValue(path[0], out var type), $"{name}: no section {path[0]}");
                foreach (var part in path[1..])
                {
                    var property = type!.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    Assert.True(property is not null, $"{name}: {type.Name} has no setting {part}");
                    type = property!.PropertyType;
                }
            }
            else
            {
                Assert.Contains(name, RegistryConfiguration.ShortVariables.Select(v => v.Variable));
            }
        }
    }

    [Fact]
    public void The_unit_reads_the_environment_file_runs_serve_and_waits_longer_than_the_drain_before_SIGKILL()
    {
        var unit = File.ReadAllLines(Path.Combine(Systemd, "schemareg.service")).Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        Assert.Equal("/etc/schemareg/schemareg.env", unit["EnvironmentFile"]);
        Assert.EndsWith(" serve", unit["ExecStart"], StringComparison.Ordinal);
        Assert.Equal("SIGTERM", unit["KillSignal"]);
        var drain = double.Parse(Variables(Path.Combine(Systemd, "schemareg.env.example"), includeCommented: false)["SCHEMAREG__Registry__DrainTimeoutSeconds"], CultureInfo.InvariantCulture);
        Assert.True(double.Parse(unit["TimeoutStopSec"], CultureInfo.InvariantCulture) > drain, "systemd would SIGKILL before the drain ends");
    }

    private static Dictionary<string, string> Variables(string file, bool includeCommented) =>
        File.ReadAllLines(file)
            .Select(l => includeCommented && l.StartsWith("#SCHEMAREG", StringComparison.Ordinal) ? l[1..] : l)
            .Where(l => l.StartsWith("SCHEMAREG", StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
}
