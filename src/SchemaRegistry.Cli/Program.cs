using SchemaRegistry.Cli.Commands;

var parse = CliApp.Build().Parse(args);
if (parse.Errors.Count > 0 && args.Length > 0)
{
    // The error and a suggestion first, not the whole help (exit 2).
    return ParseErrors.Print(parse);
}
var exitCode = await parse.InvokeAsync();
// Bare `schemareg` prints the help; it is still a usage error (2), whatever the parser's own default.
return parse.Errors.Count > 0 ? ExitCodes.UsageOrInput : exitCode;
