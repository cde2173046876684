using System.CommandLine;
using System.Globalization;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// The runbook's operations that were API-only: <c>sync metadata</c>, <c>config get|set</c>,
/// <c>deadletters list|replay</c>.
/// </summary>
internal static class OperationsCommands
{
    public static Command Sync()
    {
        var command = new Command("sync", "Recovery calls of the runbook.");
        var runId = new Argument<string>("run-id") { Description = "The run whose lineage to re-derive." };
        var metadata = new Command("metadata", "Re-derive a run's lineage from its batches (POST /v1/schema/sync/metadata; idempotent).") { runId };
        ClientCommand.SetAction(metadata, async (parse, client, ct) =>
        {
            var run = await client.SyncMetadataAsync(parse.GetValue(runId)!, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(run);
                return;
            }
            Console.WriteLine($"Lineage of run {run.RunId} synced: {run.SchemaFqid}, {run.Status}.");
        });
        command.Subcommands.Add(metadata);
        return command;
    }

    public static Command Config()
    {
        var command = new Command("config", "A subject's compatibility mode and registration policy.");
        var subject = new Argument<string>("subject") { Description = "domain.layer.entity" };
        var showPolicy = new Option<bool>("--policy") { Description = "Show the subject's registration policy (direct or reviewed) instead." };
        var get = new Command("get", "Show the mode that applies to a subject, and where it comes from (an error when the subject does not exist).") { subject, showPolicy };
        ClientCommand.SetAction(get, async (parse, client, ct) =>
        {
            if (parse.GetValue(showPolicy))
            {
                PrintPolicy(await client.GetPolicyAsync(parse.GetValue(subject)!, ct), ClientOptions.Json(parse));
                return;
            }
            var config = await client.GetConfigAsync(parse.GetValue(subject)!, ct);
            if (config.Source == "default")
            {
                // The API answers the default for any well-formed name; a misspelt subject must not read as "BACKWARD".
                await Filters.SubjectOrVersionAsync(client, "", parse.GetValue(subject), ct);
            }
            Print(config, ClientOptions.Json(parse));
        });
        var mode = new Argument<string?>("compatibility") { Description = "NONE, BACKWARD, FORWARD, FULL or a _TRANSITIVE form (or use --compatibility).", Arity = ArgumentArity.ZeroOrOne };
        var modeOption = new Option<string?>("--compatibility") { Description = "NONE, BACKWARD, FORWARD, FULL or a _TRANSITIVE form." };
        var policyOption = new Option<string?>("--policy")
        {
            Description = "direct (a Confluent client's register publishes at once) or reviewed (it waits for a schema-admin's approval).",
        };
        var set = new Command("set", "Set a subject's compatibility mode and/or registration policy (schema-admin); a subject without versions yet gets them for its first one.")
        {
            subject, mode, modeOption, policyOption,
        };
        ClientCommand.SetAction(set, async (parse, client, ct) =>
        {
            var chosen = parse.GetValue(modeOption) ?? parse.GetValue(mode);
            var policy = parse.GetValue(policyOption);
            if (chosen is null && policy is null)
            {
                throw new InputException("give the mode or the policy: schemareg config set SUBJECT --compatibility MODE | --policy direct|reviewed.");
            }
            if (policy is not null && policy.ToLowerInvariant() is not ("direct" or "reviewed"))
            {
                throw new InputException($"--policy must be direct or reviewed, not '{policy}'.");
            }
            var changed = policy is null ? null : await client.SetPolicyAsync(parse.GetValue(subject)!, policy.ToLowerInvariant(), ct);
            if (chosen is null)
            {
                PrintPolicy(changed!, ClientOptions.Json(parse));
                return;
            }
            var config = await client.SetConfigAsync(parse.GetValue(subject)!, chosen, ct);
            if (changed is not null && !ClientOptions.Json(parse))
            {
                PrintPolicy(changed, false);
            }
            try
            {
                await Filters.SubjectOrVersionAsync(client, "", parse.GetValue(subject), ct);
            }
            catch (InputException e)
            {
                await Console.Error.WriteLineAsync($"note: {e.Message} The mode applies from its first version.");
            }
            Print(config, ClientOptions.Json(parse));
        });
        command.Subcommands.Add(get);
        command.Subcommands.Add(set);
        return command;
    }

    public static Command DeadLetters()
    {
        var command = new Command("deadletters", "Events a subscription gave up on: list them, deliver them again.");
        var subscription = new Argument<string>("subscription-id") { Description = "The subscription." };
        var list = new Command("list", "List a subscription's dead letters.") { subscription };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            var letters = await client.ListDeadLettersAsync(parse.GetValue(subscription)!, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(letters);
                return;
            }
            Printer.Table(["sequence", "attempts", "given up", "last error"], letters.Select(l => new[]
            {
                l.Sequence.ToString(CultureInfo.InvariantCulture), l.Attempts.ToString(CultureInfo.InvariantCulture), Printer.Time(l.At), l.LastError,
            }));
        });
        var name = new Option<string?>("--name") { Description = "Replay name, set as replayname on each event." };
        var replay = new Command("replay", "Deliver a subscription's dead letters again (a replay); each delivered one leaves the list.") { subscription, name };
        ClientCommand.SetAction(replay, async (parse, client, ct) =>
        {
            var accepted = await client.ReplayDeadLettersAsync(parse.GetValue(subscription)!, parse.GetValue(name), ct);
            Console.WriteLine($"Replay {accepted.Name} ({accepted.Id}) queued for {accepted.SubscriptionId}.");
        }, outputs: []);
        command.Subcommands.Add(list);
        command.Subcommands.Add(replay);
        return command;
    }

    private static void PrintPolicy(SubjectPolicy policy, bool json)
    {
        if (json)
        {
            Printer.Json(policy);
            return;
        }
        Console.WriteLine($"{policy.Subject}: registration policy {policy.Policy} ({policy.Source})");
    }

    private static void Print(SubjectConfig config, bool json)
    {
        if (json)
        {
            Printer.Json(config);
            return;
        }
        Console.WriteLine($"{config.Subject}: {config.Compatibility} ({config.Source})");
    }
}
