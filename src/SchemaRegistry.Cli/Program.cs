using SchemaRegistry.Cli.Commands;

var parse = CliApp.Build().Parse(args);
return parse.Errors.Count > 0 && args.Length > 0 ? ParseErrors.Print(parse) : await parse.InvokeAsync();
