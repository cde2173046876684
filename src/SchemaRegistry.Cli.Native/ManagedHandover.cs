using System.Runtime.InteropServices;
using SchemaRegistry.Cli.Commands;

namespace SchemaRegistry.Cli;

/// <summary>
/// Runs a command in the managed build: <c>schemareg-managed</c> beside this executable (or <c>SCHEMAREG_MANAGED</c>),
/// which replaces this process (execv), so it keeps the process id, stdio and signals, and its exit code is the
/// command's; <c>schemareg serve</c> under systemd drains on SIGTERM as the managed build does.
/// </summary>
internal static partial class ManagedHandover
{
    public const string Variable = "SCHEMAREG_MANAGED";
    public const string FileName = "schemareg-managed";

    public static int Exec(string[] args)
    {
        var managed = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(managed))
        {
            Console.Error.WriteLine($"error: this command runs in the managed build, {managed}, which is missing: install {FileName} beside schemareg (docs/install.md) or set {Variable}.");
            return ExitCodes.UsageOrInput;
        }
        var argv = new string?[args.Length + 2];
        argv[0] = managed;
        args.CopyTo(argv, 1);
        Execv(managed, argv);
        // execv returns only when it failed.
        Console.Error.WriteLine($"error: cannot start {managed}: {Marshal.GetLastPInvokeErrorMessage()}");
        return ExitCodes.UsageOrInput;
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, string?[] argv);
}
