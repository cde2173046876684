namespace SchemaRegistry.Cli.Commands;

/// <summary>A quarantine replay whose default target is of another major than the version the run was pinned to.</summary>
internal sealed record MajorChange(string Pinned, string Target, int PinnedMajor);

/// <summary>
/// Asks before a replay crosses a major: records quarantined under v1 released against v2 land in a v1 pipeline's
/// output. Without a terminal to ask on (CI, a pipe) the answer is no: the caller must pass <c>--yes</c> or <c>--fqid</c>.
/// </summary>
internal static class QuarantineReplayConfirmation
{
    public static bool Confirmed(MajorChange change)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected || IsCi())
        {
            return false;
        }
        Console.Error.Write($"The run ran on {change.Pinned}; replay its quarantine against {change.Target}, another major? [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsCi() => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase);
}
