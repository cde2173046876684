using System.Text.Json;
using Microsoft.Playwright;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// axe-core from tests/console-npm (see <see cref="ConsoleNpm"/>), injected into a page whose context bypasses the console's CSP, and run over the whole document.
/// </summary>
public static class Axe
{
    private static string? _script;

    public static string Directory => ConsoleNpm.Directory;

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
        if (_script is not null)
        {
            return _script;
        }
        await ConsoleNpm.EnsureAsync("axe-core");
        return _script = await File.ReadAllTextAsync(Path.Combine(ConsoleNpm.Modules, "axe-core", "axe.min.js"));
    }
}
