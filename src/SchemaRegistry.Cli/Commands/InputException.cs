namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// What the user gave cannot be used (a file that is not JSON, a filter naming nothing that exists): one line on
/// stderr, maybe findings under it, and exit <see cref="ExitCodes.UsageOrInput"/>; never a stack trace.
/// </summary>
internal sealed class InputException(string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public IReadOnlyList<string> Details { get; } = details ?? [];
}
