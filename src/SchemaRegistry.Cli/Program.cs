using SchemaRegistry.Cli.Commands;

var parse = CliApp.Build().Parse(args);
var exitCode = await parse.InvokeAsync();
// A command line that does not parse is a usage error (2), whatever the parser's own default.
return parse.Errors.Count > 0 ? ExitCodes.UsageOrInput : exitCode;
