using SchemaRegistry.Cli.Commands;

return await CliApp.Build().Parse(args).InvokeAsync();
