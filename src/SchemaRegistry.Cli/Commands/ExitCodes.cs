using SchemaRegistry.Client;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// The one exit-code convention of every command (docs/cli.md): 0 ok, 1 the check found problems, 2 usage or input
/// error, 3 server or network.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and its check found problems: records quarantined, an incompatible change, a broken ledger.</summary>
    public const int ProblemsFound = 1;

    /// <summary>The command could not run as asked: bad arguments, a missing or malformed file, a request the registry refused.</summary>
    public const int UsageOrInput = 2;

    /// <summary>The registry (or its database) could not be reached, timed out or failed on its side.</summary>
    public const int ServerOrNetwork = 3;

    /// <summary>A refused request is the caller's to fix (4xx: 2); no answer or a server failure is not (3).</summary>
    public static int Of(ProblemResponse problem) =>
        problem.Code is RegistryClient.UnreachableCode or RegistryClient.TimeoutCode || problem.Status == 0 || problem.Status >= 500
            ? ServerOrNetwork
            : UsageOrInput;
}

/// <summary>A check that ran and found problems (exit <see cref="ExitCodes.ProblemsFound"/>), reported on stderr.</summary>
internal sealed class CheckFailedException(string message) : Exception(message);
