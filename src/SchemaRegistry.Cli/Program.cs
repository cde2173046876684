using System.CommandLine;
using SchemaRegistry.Cli.Commands;

var parse = CliApp.Build().Parse(args);
if (parse.Errors.Count > 0 && args.Length > 0)
{
    // The error and a suggestion first, not the whole help (exit 2).
    return ParseErrors.Print(parse);
}
// `serve` drains on SIGTERM through the web host (Registry:DrainTimeoutSeconds); System.CommandLine's own handler
// would end the process with 143 after two seconds, cutting the drain short.
var invocation = new InvocationConfiguration();
if (parse.CommandResult.Command.Name == "serve")
{
    invocation.ProcessTerminationTimeout = null;
}
var exitCode = await parse.InvokeAsync(invocation);
// Bare `schemareg` prints the help; it is still a usage error (2), whatever the parser's own default.
return parse.Errors.Count > 0 ? ExitCodes.UsageOrInput : exitCode;
