using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>Runs the built <c>schemareg</c> executable: one-shot commands, or a server process that can be SIGKILLed.</summary>
public static class Schemareg
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "schemareg.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "SCHEMAREG_URL", "SCHEMAREG_TOKEN", "SCHEMAREG_ADMIN_TOKEN", "SCHEMAREG_DATABASE_URL", "SCHEMAREG_BLOBS_URL", "SCHEMAREG_DATA_DIR", "SCHEMAREG_SPOOL_DIR" })
        {
            info.Environment.Remove(name);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
