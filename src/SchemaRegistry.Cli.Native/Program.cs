using System.Reflection;
using SchemaRegistry.Cli;

// `--version` is answered before any command is built: a pipeline probing for the executable pays the runtime's start
// and nothing more (issue 16). The text is System.CommandLine's: the informational version (no source revision,
// Directory.Build.props).
if (args is ["--version"])
{
    Console.Out.WriteLine(typeof(NativeRoutes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
    return 0;
}

// Offline commands run here; everything else, and anything this build would not do exactly as the managed one, runs
// in the managed build (same arguments, stdio, exit code).
return NativeRoutes.TryParse(args) is { } parse ? await NativeRoutes.InvokeAsync(parse) : ManagedHandover.Exec(args);
