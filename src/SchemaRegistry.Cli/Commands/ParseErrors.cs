using System.CommandLine;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// A command line that does not parse: each error first, an unknown option or command with the closest known names,
/// then where the usage is (not the whole help, which would push the error off the screen). Exit 2.
/// </summary>
internal static class ParseErrors
{
    public static int Print(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = ClientOptions.CommandPath(command);
        var unmatched = parse.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                Console.Error.WriteLine($"error: '{path}' has no option {token}.{Spelling.DidYouMean(token, OptionNames(command))}");
            }
            else if (i == 0 || !unmatched[i - 1].StartsWith('-'))
            {
                // A word right after an unknown option is most likely its value, not a second mistake.
                Console.Error.WriteLine($"error: '{path}' does not take '{token}'.{Spelling.DidYouMean(token, command.Subcommands.Select(c => c.Name))}");
            }
        }
        // With an unknown word reported, "Required command was not provided" and "Unrecognized …" only repeat it.
        foreach (var error in parse.Errors.Where(e => unmatched.Count == 0 || !(e.Message.Contains("Unrecognized", StringComparison.Ordinal)
            || e.Message.StartsWith("Required command", StringComparison.Ordinal))))
        {
            Console.Error.WriteLine($"error: {error.Message}");
        }
        Console.Error.WriteLine($"See '{path} --help' for its usage.");
        return ExitCodes.UsageOrInput;
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }
}
