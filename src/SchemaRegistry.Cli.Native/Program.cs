using SchemaRegistry.Cli;

// Offline commands run here; everything else, and anything this build would not do exactly as the managed one, runs
// in the managed build (same arguments, stdio, exit code).
return NativeRoutes.TryParse(args) is { } parse ? await NativeRoutes.InvokeAsync(parse) : ManagedHandover.Exec(args);
