using System.CommandLine;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>serve</c> runs the registry; <c>migrate</c> brings the database schema up to date and exits.</summary>
internal static class ServeCommands
{
    internal static readonly Option<string?> DataDir = new("--data-dir") { Description = "Folder for the embedded defaults (default ./data)." };
    private static readonly Option<string?> Urls = new("--urls") { Description = "Listen addresses (default http://127.0.0.1:8081)." };
    internal static readonly Option<string?> Database = new("--database") { Description = "sqlite:PATH, postgres://user:pass@host:port/db or mysql://user:pass@host:port/db (env SCHEMAREG_DATABASE_URL)." };
    internal static readonly Option<string?> Blobs = new("--blobs") { Description = "file:DIR or s3://bucket/prefix?… (env SCHEMAREG_BLOBS_URL)." };
    private static readonly Option<string?> Quarantine = new("--quarantine")
    {
        Description = "Keep quarantined records apart from the schemas: s3://bucket/prefix?…, file:DIR or a folder (env SCHEMAREG_QUARANTINE_URL; default: the blob store, under quarantine/).",
    };

    public static Command Serve()
    {
        var command = new Command("serve", "Run the registry server.") { DataDir, Urls, Database, Blobs, Quarantine };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = Overrides(parse);
            if (ListenAddresses.FirstInUse(ListenAddresses.Configured(overrides)) is { } taken)
            {
                await Console.Error.WriteLineAsync($"error: {taken} is already in use (another `schemareg serve`?); stop that process, or listen elsewhere with --urls.");
                return ExitCodes.ServerOrNetwork;
            }
            await using var app = await RegistryHost.BuildAsync(overrides, [new Confluent.ConfluentDoor(), new Ui.ConsoleDoor()], cancellationToken);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    public static Command Migrate()
    {
        var command = new Command("migrate", "Create or upgrade the database schema, then exit.") { DataDir, Database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var applied = await RegistryHost.MigrateAsync(Overrides(parse), cancellationToken);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied migrations: {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }

    internal static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        Add(overrides, "Registry:DataDir", parse.GetValue(DataDir));
        Add(overrides, "Registry:Urls", parse.GetValue(Urls));
        Add(overrides, "Registry:Database", parse.GetValue(Database));
        Add(overrides, "Registry:Blobs", parse.GetValue(Blobs));
        Add(overrides, "Registry:Quarantine", parse.GetValue(Quarantine));
        return overrides;
    }

    private static void Add(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            overrides[key] = value;
        }
    }
}
