using System.CommandLine;
using SchemaRegistry.Cli.Commands;

var parse = CliApp.Build().Parse(args);
// `serve` drains on SIGTERM through the web host (Registry:DrainTimeoutSeconds); System.CommandLine's own handler
// would end the process with 143 after two seconds, cutting the drain short.
var invocation = new InvocationConfiguration();
if (parse.CommandResult.Command.Name == "serve")
{
    invocation.ProcessTerminationTimeout = null;
}
return await parse.InvokeAsync(invocation);
