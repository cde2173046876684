using System.Diagnostics;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// The README's quickstart, executed as written (see <see cref="ReadmeQuickstart"/> for how its blocks are marked):
/// its files created, the registry started on a free port over a fresh data folder, then every command in order.
/// </summary>
public sealed class ReadmeQuickstartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_readme_quickstart_runs_as_written()
    {
        var quickstart = ReadmeQuickstart.Parse(await File.ReadAllTextAsync(ReadmeQuickstart.ReadmePath()));
        Assert.True(quickstart.Commands.Count >= 10, $"only {quickstart.Commands.Count} commands found in the quickstart");
        Assert.NotEmpty(quickstart.Files);
        // The start command the reader types is the one this test runs (on a free port instead of 8081).
        Assert.Contains(quickstart.ServeBlocks, block => block.Contains("dotnet run --project src/SchemaRegistry.Cli -- serve", StringComparison.Ordinal));
        foreach (var (name, content) in quickstart.Files)
        {
            await File.WriteAllTextAsync(Path.Combine(_dir.Path, name), content);
        }
        await using var server = await ServerProcess.StartAsync(_dir.Path, null);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "quickstart.sh"), quickstart.Script());

        var (exit, stdout, stderr) = await BashAsync("quickstart.sh", server.Url);

        Assert.True(exit == 0, $"The quickstart failed (exit {exit}):\n{stderr}\n--- stdout ---\n{stdout}");
        Assert.Equal(quickstart.Commands.Count, stderr.Split('\n').Count(l => l.StartsWith("QUICKSTART OK ", StringComparison.Ordinal)));
    }

    private async Task<(int, string, string)> BashAsync(string script, Uri server)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var name in new[] { "SCHEMAREG_TOKEN", "SCHEMAREG_ADMIN_TOKEN", "SCHEMAREG_DATABASE_URL", "SCHEMAREG_BLOBS_URL", "SCHEMAREG_DATA_DIR" })
        {
            info.Environment.Remove(name);
        }
        // What a reader on another port would set; the quickstart's commands default to http://127.0.0.1:8081 without it.
        info.Environment["SCHEMAREG_URL"] = server.ToString().TrimEnd('/');
        info.Environment["SCHEMAREG_DLL"] = Path.Combine(AppContext.BaseDirectory, "schemareg.dll");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
