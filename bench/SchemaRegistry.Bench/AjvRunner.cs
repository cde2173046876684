using System.Diagnostics;
using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>(d) ajv on node, run as a child process on the same file; its own loop times JSON.parse + validate.</summary>
internal static class AjvRunner
{
    private const string Key = "ajv";

    private static readonly JsonSerializerOptions ReportOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<Measurement> MeasureAsync(string node, string script, string schemaPath, Corpus corpus, RunSettings settings)
    {
        const string name = "(d) ajv";
        if (!File.Exists(script))
        {
            return Measurement.NotRun(Key, name, $"not run: {script} not found");
        }
        var verdictsPath = Path.Combine(Path.GetTempPath(), $"schemareg-bench-ajv-{Environment.ProcessId}.verdicts");
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --expose-gc lets the script collect between passes, outside the timed region, as InProcessMeasurer does.
        foreach (var argument in new[] { "--expose-gc", script, schemaPath, corpus.Path, verdictsPath, "--passes", settings.Passes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            var errors = await stderr;
            if (errors.Length > 0)
            {
                Console.Error.Write(errors);
            }
            if (process.ExitCode != 0)
            {
                return Measurement.NotRun(Key, name, $"failed: node exited with {process.ExitCode}");
            }

            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            var report = JsonSerializer.Deserialize<AjvReport>(line, ReportOptions)
                ?? throw new InvalidOperationException("ajv printed no report.");
            if (report.Records != corpus.Count || report.Bytes != corpus.TotalBytes)
            {
                throw new InvalidOperationException(
                    $"ajv read {report.Records} records ({report.Bytes} bytes), this process {corpus.Count} ({corpus.TotalBytes} bytes).");
            }
            var verdicts = (await File.ReadAllBytesAsync(verdictsPath)).Select(b => b == (byte)'1').ToArray();
            return new Measurement(
                Key,
                $"{name} {report.Ajv} + ajv-formats {report.AjvFormats}, node {report.Node} (JSON.parse + validate)",
                report.Records,
                report.Bytes,
                report.Seconds,
                report.PassSeconds,
                report.Valid,
                verdicts,
                null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return Measurement.NotRun(Key, name, $"not run: cannot start '{node}' ({e.Message})");
        }
        finally
        {
            File.Delete(verdictsPath);
        }
    }
}
