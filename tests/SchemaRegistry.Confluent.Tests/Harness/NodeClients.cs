using System.Diagnostics;

namespace SchemaRegistry.Confluent.Tests.Harness;

/// <summary>
/// The npm Confluent clients in tests/confluent-npm (pinned by its package-lock.json), installed with `npm ci` the
/// first time a test needs them, and a way to run one scenario of its drive.mjs against a server.
/// </summary>
public static class NodeClients
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "confluent-npm");

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", "@confluentinc", "schemaregistry", "package.json")) &&
                File.Exists(Path.Combine(Directory, "node_modules", "@kafkajs", "confluent-schema-registry", "package.json")))
            {
                return;
            }
            var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} exited {code}: {output}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static Task<(int ExitCode, string Output)> DriveAsync(string scenario, string url, string writer, string admin, string reader) =>
        RunAsync("node", ["drive.mjs", scenario, "--url", url, "--writer", writer, "--admin", admin, "--reader", reader], TimeSpan.FromMinutes(2));

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran past {timeout}.");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (SchemaRegistry.sln) was not found above " + AppContext.BaseDirectory);
    }
}
