using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// axe-core from tests/console-npm (pinned by its package-lock.json, installed with <c>npm ci</c> the first time a
/// test needs it), injected into a page whose context bypasses the console's CSP, and run over the whole document.
/// </summary>
public static class Axe
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static string? _script;

    public static string Directory { get; } = Path.Combine(Repository.Root, "tests", "console-npm");

    /// <summary>Violations of impact serious or critical on the page as it is now: "rule (impact): help — targets".</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = await ScriptAsync() });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
                string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }

    private static async Task<string> ScriptAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_script is not null)
            {
                return _script;
            }
            var file = Path.Combine(Directory, "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(file))
            {
                await NpmCiAsync();
            }
            return _script = await File.ReadAllTextAsync(file);
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
