using System.Diagnostics;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// tests/console-npm: the npm packages the console's tests use (axe-core, oidc-provider), pinned by its
/// package-lock.json and installed with <c>npm ci</c> the first time a test needs one that is missing.
/// </summary>
public static class ConsoleNpm
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Directory { get; } = Path.Combine(Repository.Root, "tests", "console-npm");

    public static string Modules { get; } = Path.Combine(Directory, "node_modules");

    /// <summary>Installs the packages unless <paramref name="package"/> is there already.</summary>
    public static async Task EnsureAsync(string package)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Modules, package, "package.json")))
            {
                await NpmCiAsync();
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task NpmCiAsync()
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Directory} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
