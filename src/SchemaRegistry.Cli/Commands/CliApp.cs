using System.CommandLine;

namespace SchemaRegistry.Cli.Commands;

/// <summary>The <c>schemareg</c> command tree: <c>serve</c>, <c>migrate</c> and <c>import</c> run locally; the rest are API clients.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("schemareg: a schema registry and data-contract service.");
        root.Subcommands.Add(ServeCommands.Serve());
        root.Subcommands.Add(ServeCommands.Migrate());
        root.Subcommands.Add(SchemaCommands.Build());
        root.Subcommands.Add(KeyCommands.Build());
        root.Subcommands.Add(JsonSchemaCommands.Build());
        root.Subcommands.Add(EventCommands.Events());
        root.Subcommands.Add(EventCommands.Subscriptions());
        root.Subcommands.Add(DataCommands.Build());
        root.Subcommands.Add(PipelineCommands.Pipelines());
        root.Subcommands.Add(PipelineCommands.Runs());
        root.Subcommands.Add(PipelineCommands.Drift());
        root.Subcommands.Add(PipelineCommands.Lineage());
        root.Subcommands.Add(AuditCommands.Build());
        root.Subcommands.Add(PipelineCommands.Quarantine());
        root.Subcommands.Add(OperationsCommands.Sync());
        root.Subcommands.Add(OperationsCommands.Config());
        root.Subcommands.Add(OperationsCommands.DeadLetters());
        root.Subcommands.Add(BackupCommands.Export());
        root.Subcommands.Add(BackupCommands.Import());
        return root;
    }
}
