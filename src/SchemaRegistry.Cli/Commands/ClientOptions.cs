using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using SchemaRegistry.Client;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// The options of commands that talk to a registry (<c>--server</c>, <c>--token</c>) and the <c>--output</c> option,
/// which each command declares with the outputs it can write; the client they configure.
/// </summary>
internal static class ClientOptions
{
    public const string DefaultServer = "http://127.0.0.1:8081";
    public const string OutputName = "--output";

    public static readonly Option<string?> Server = new("--server")
    {
        Description = $"Registry URL (env SCHEMAREG_URL; default {DefaultServer}).",
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API key (env SCHEMAREG_TOKEN; default: ./data/admin.token when present).",
    };

    /// <summary>Where a token is looked for, in order; said when none is found.</summary>
    public const string TokenPlaces = "--token, the SCHEMAREG_TOKEN variable, then ./data/admin.token (under SCHEMAREG_DATA_DIR when set; `schemareg serve` writes it on first start)";

    /// <summary>Adds <c>--server</c> and <c>--token</c> to a command that talks to the registry.</summary>
    public static void AddConnection(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    /// <summary>
    /// An <c>-o/--output</c> option taking only <paramref name="formats"/> (the first is the default); any other value
    /// is a usage error naming the ones the command writes.
    /// </summary>
    public static Option<string> Output(Command command, params string[] formats)
    {
        var list = formats.Length == 2 ? $"{formats[0]} (default) or {formats[1]}" : $"{formats[0]} (default), {string.Join(", ", formats[1..^1])} or {formats[^1]}";
        var option = new Option<string>(OutputName, "-o")
        {
            Description = $"Output: {list}.",
            DefaultValueFactory = _ => formats[0],
            HelpName = string.Join("|", formats),
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!formats.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"'{CommandPath(command)}' cannot write '{value}': {OutputName} takes {list}.");
            }
        });
        command.Options.Add(option);
        return option;
    }

    /// <summary>The output the command was asked for, lower case; "table" for a command without <c>--output</c>.</summary>
    public static string Format(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == OutputName) is { } option
            ? (parse.GetValue(option) ?? "table").ToLowerInvariant()
            : "table";

    public static bool Json(ParseResult parse) => Format(parse) == "json";

    public static string ServerUrl(ParseResult parse) => parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("SCHEMAREG_URL") ?? DefaultServer;

    /// <summary>The token and where it came from, or (null, null) when none was found.</summary>
    public static (string? Token, string? Source) FindToken(ParseResult parse)
    {
        if (parse.GetValue(Token) is { Length: > 0 } given)
        {
            return (given, "--token");
        }
        if (Environment.GetEnvironmentVariable("SCHEMAREG_TOKEN") is { Length: > 0 } variable)
        {
            return (variable, "SCHEMAREG_TOKEN");
        }
        var path = Path.Combine(Environment.GetEnvironmentVariable("SCHEMAREG_DATA_DIR") ?? "data", "admin.token");
        return File.Exists(path) ? (File.ReadAllText(path).Trim(), path) : (null, null);
    }

    /// <summary>The switch a build turns off to leave the registry client (HTTP, TLS) out.</summary>
    public const string ClientSwitch = "SchemaRegistry.Cli.RegistryClient.IsSupported";

    /// <summary>
    /// False in a build without the registry client (the native executable, which hands every command that talks
    /// to a registry to the managed build): the trimmer then removes the HTTP stack.
    /// </summary>
    [FeatureSwitchDefinition(ClientSwitch)]
    public static bool ClientIsSupported => !AppContext.TryGetSwitch(ClientSwitch, out var on) || on;

    public static RegistryClient CreateClient(ParseResult parse)
    {
        if (!ClientIsSupported)
        {
            throw new NotSupportedException("This build talks to no registry.");
        }
        var server = ServerUrl(parse);
        return new RegistryClient(new Uri(server.EndsWith('/') ? server : server + "/"), FindToken(parse).Token);
    }

    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? "schemareg" : c.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
