using System.CommandLine;
using SchemaRegistry.Cli.Commands;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Cli;

/// <summary>
/// What the native executable runs itself (besides <c>--version</c>, which Program answers): <c>data validate</c>, <c>schema diff</c> and
/// <c>jsonschema validate</c> on files with their text output. Help, parse errors, <c>--output</c>, <c>--report</c>
/// and registry FQIDs go to the managed build, so their text and JSON are the managed build's own.
/// </summary>
internal static class NativeRoutes
{
    private static readonly (string Group, string Command)[] Commands = [("data", "validate"), ("schema", "diff"), ("jsonschema", "validate")];

    // Options whose code paths need the registry client or reflection-based JSON, and the ways to ask for help.
    private static readonly string[] HandedOver = ["--fqid", "--report", "--output", "-o", "--server", "--token", "--help", "-h", "-?", "/?", "/h"];

    public static ParseResult? TryParse(string[] args)
    {
        if (args.Length < 2 || !Commands.Contains((args[0], args[1])) || args.Any(IsHandedOver))
        {
            return null;
        }
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0)
        {
            return null;
        }
        var command = parse.CommandResult.Command;
        // A diff side that names a registered schema is fetched from the registry; Parquet files are read with
        // reflection-based serialisation (Parquet.Net), which this build leaves out.
        var managedOnly = command.Name switch
        {
            "diff" => command.Arguments.OfType<Argument<string>>().Any(a => DiffCommand.IsRegistered(parse.GetValue(a)!)),
            "validate" when command.Parents.First() is Command { Name: "data" } => !IsTextFile(parse, command),
            _ => false,
        };
        return managedOnly ? null : parse;
    }

    private static bool IsTextFile(ParseResult parse, Command command)
    {
        var format = command.Options.OfType<Option<string?>>().Single(o => o.Name == "--format");
        var input = command.Options.OfType<Option<FileInfo>>().Single(o => o.Name == "--input");
        return (parse.GetValue(format)?.ToLowerInvariant() ?? RecordReaders.FromFileName(parse.GetValue(input)!.Name) switch
        {
            DataFormat.Ndjson => "ndjson",
            DataFormat.Csv => "csv",
            _ => null,
        }) is "ndjson" or "jsonl" or "csv";
    }

    public static Task<int> InvokeAsync(ParseResult parse) => parse.InvokeAsync();

    private static bool IsHandedOver(string arg) =>
        arg.StartsWith('@') || HandedOver.Any(o => arg == o || arg.StartsWith(o + "=", StringComparison.Ordinal) || arg.StartsWith(o + ":", StringComparison.Ordinal));

    private static RootCommand Root()
    {
        var root = new RootCommand("schemareg: a schema registry and data-contract service.");
        root.Subcommands.Add(DataCommands.Build());
        root.Subcommands.Add(new Command("schema") { DiffCommand.Build() });
        root.Subcommands.Add(JsonSchemaCommands.Build());
        return root;
    }
}
