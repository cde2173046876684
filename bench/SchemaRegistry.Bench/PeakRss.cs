using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>The CLI's run on the big file: its peak resident set, wall time and what it reported.</summary>
internal sealed record CliRun(
    string Command,
    long PeakBytes,
    int Samples,
    double WallSeconds,
    int ExitCode,
    long Records,
    long Valid,
    long Quarantined,
    long Drifted,
    double ReportedRecordsPerSecond,
    double ReportedSeconds)
{
    public double PeakMegabytes => PeakBytes / 1e6;

    public double PeakMebibytes => PeakBytes / 1048576.0;
}

/// <summary>
/// Runs <c>schemareg data validate</c> as a child process and samples its <c>VmHWM</c> (the kernel's peak resident
/// set size of the process) from <c>/proc/PID/status</c> every 50 ms; the last value read before the process exits
/// is its peak, short of whatever it grew in its last 50 ms.
/// </summary>
internal static class PeakRss
{
    private const int SampleMilliseconds = 50;

    public static async Task<CliRun> RunAsync(string dotnet, string cliDll, string schemaPath, string inputPath, string quarantineDir)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = [cliDll, "data", "validate", "--schema", schemaPath, "--input", inputPath, "--quarantine", quarantineDir, "-o", "json"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No progress bar, as in a pipeline.
        start.Environment["CI"] = "1";
        var command = "CI=1 " + string.Join(' ', new[] { dotnet }.Concat(arguments));
        Console.Error.WriteLine($"Running {command} …");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var statusPath = $"/proc/{process.Id}/status";
        long peak = 0;
        var samples = 0;
        do
        {
            if (ReadHighWaterMark(statusPath) is { } bytes)
            {
                peak = bytes;
                samples++;
            }
        }
        while (!process.WaitForExit(SampleMilliseconds));
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        var output = await stdout;
        var errors = await stderr;

        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {errors.Trim()}");
        }
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        return new CliRun(
            command,
            peak,
            samples,
            wall,
            process.ExitCode,
            root.GetProperty("records").GetInt64(),
            root.GetProperty("valid").GetInt64(),
            root.GetProperty("quarantined").GetInt64(),
            root.GetProperty("drifted").GetInt64(),
            root.GetProperty("records_per_second").GetDouble(),
            root.GetProperty("duration_ms").GetDouble() / 1000);
    }

    /// <summary><c>VmHWM</c> in bytes; null once the process is gone (or on a system without /proc).</summary>
    private static long? ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                // "VmHWM:     123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
