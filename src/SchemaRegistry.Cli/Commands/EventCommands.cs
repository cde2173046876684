using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg events list|tail|replay|replays</c> and <c>schemareg subscriptions create|list|delete|purge</c>.</summary>
internal static class EventCommands
{
    private static readonly Option<long> After = new("--after") { Description = "Sequence to start after (default 0).", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Type = new("--type") { Description = "Only this event type." };
    private static readonly Option<string?> Subject = new("--subject") { Description = "Only this FQID, or a subject (domain.layer.entity) with its versions' events." };

    public static Command Events()
    {
        var events = new Command("events", "Read and replay the event stream.");
        var list = new Command("list", "Print events after a cursor.") { After, Type, Subject };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            await CheckFiltersAsync(parse, client, ct);
            Print(await client.ReadEventsAsync(parse.GetValue(After), parse.GetValue(Type), parse.GetValue(Subject), 0, ct), ClientOptions.Json(parse), header: true);
        });
        var fromStart = new Option<bool>("--from-start") { Description = "Start at the first event kept instead of now." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Start at the first event at or after this time (ISO 8601) instead of now." };
        var tailAfter = new Option<long?>("--after") { Description = "Start after this sequence instead of now." };
        var tail = new Command("tail", "Follow the stream from now (or --from-start, --since, --after): print events as they happen, until interrupted.")
            { tailAfter, fromStart, since, Type, Subject };
        ClientCommand.SetAction(tail, async (parse, client, ct) =>
        {
            await CheckFiltersAsync(parse, client, ct);
            var sinceTime = parse.GetValue(since);
            var starts = (parse.GetValue(fromStart) ? 1 : 0) + (sinceTime is null ? 0 : 1) + (parse.GetValue(tailAfter) is null ? 0 : 1);
            if (starts > 1)
            {
                throw new IOException("Give at most one of --from-start, --since and --after.");
            }
            // -1 asks the registry for its newest sequence: without a start option only what happens from now is printed.
            var cursor = parse.GetValue(tailAfter) ?? (parse.GetValue(fromStart) || sinceTime is not null ? 0 : -1);
            if (cursor < 0)
            {
                cursor = (await client.ReadEventsAsync(cursor, parse.GetValue(Type), parse.GetValue(Subject), 0, ct)).Next;
            }
            await Console.Error.WriteLineAsync($"Following the event stream after sequence {cursor}; stop with Ctrl-C.");
            var header = !ClientOptions.Json(parse);
            while (!ct.IsCancellationRequested)
            {
                var page = await client.ReadEventsAsync(cursor, parse.GetValue(Type), parse.GetValue(Subject), 25, ct);
                var shown = page with { Events = page.Events.Where(e => sinceTime is null || e.Time >= sinceTime).ToList() };
                Print(shown, ClientOptions.Json(parse), header && shown.Events.Count > 0);
                header &= shown.Events.Count == 0;
                cursor = page.Next;
            }
        });
        var subscription = new Option<string>("--subscription") { Description = "Subscription id.", Required = true };
        var from = new Option<long>("--from") { Description = "First sequence (inclusive)." };
        var to = new Option<long>("--to") { Description = "Last sequence (inclusive)." };
        var fromTime = new Option<DateTimeOffset?>("--from-time") { Description = "Start of a time window (ISO 8601), instead of sequences." };
        var toTime = new Option<DateTimeOffset?>("--to-time") { Description = "End of the time window (default now)." };
        var name = new Option<string?>("--name") { Description = "Replay name, set as replayname on each event." };
        var replay = new Command("replay", "Re-deliver a range of events (by sequence or time window) to one subscription.") { subscription, from, to, fromTime, toTime, name };
        ClientCommand.SetAction(replay, async (parse, client, ct) =>
        {
            var request = new ReplayRequest(parse.GetValue(subscription), parse.GetValue(from), parse.GetValue(to), null, parse.GetValue(name))
            {
                FromTime = parse.GetValue(fromTime),
                ToTime = parse.GetValue(toTime),
            };
            var accepted = await client.ReplayAsync(request, ct);
            Console.WriteLine($"Replay {accepted.Name} ({accepted.Id}) queued for {accepted.SubscriptionId}.");
        }, outputs: []);
        events.Subcommands.Add(list);
        events.Subcommands.Add(tail);
        events.Subcommands.Add(replay);
        events.Subcommands.Add(Replays());
        return events;
    }

    /// <summary><c>events replays list|cancel</c>: EventBridge's list-replays, describe-replay and cancel-replay.</summary>
    private static Command Replays()
    {
        var replays = new Command("replays", "Replays and their progress.");
        var list = new Command("list", "List replays, newest first, with their progress.");
        ClientCommand.SetAction(list, async (parse, client, ct) => PrintReplays(await client.ListReplaysAsync(ct), ClientOptions.Json(parse)));
        var id = new Argument<string>("replay-id") { Description = "The replay." };
        var get = new Command("get", "Show one replay's progress.") { id };
        ClientCommand.SetAction(get, async (parse, client, ct) => PrintReplays([await client.GetReplayAsync(parse.GetValue(id)!, ct)], ClientOptions.Json(parse)));
        var cancel = new Command("cancel", "Cancel a running replay.") { id };
        ClientCommand.SetAction(cancel, async (parse, client, ct) => PrintReplays([await client.CancelReplayAsync(parse.GetValue(id)!, null, ct)], ClientOptions.Json(parse)));
        replays.Subcommands.Add(list);
        replays.Subcommands.Add(get);
        replays.Subcommands.Add(cancel);
        return replays;
    }

    private static void PrintReplays(List<ReplayStatusResponse> replays, bool json)
    {
        if (json)
        {
            Printer.Json(replays);
            return;
        }
        Printer.Table(["id", "name", "subscription", "state", "range", "cursor", "done", "started"], replays.Select(r => new[]
        {
            r.Id, r.Name, r.SubscriptionId ?? "", r.State, $"{r.FromSequence}-{r.ToSequence}", r.Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.PercentDone.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%", Printer.Time(r.CreatedAt),
        }));
    }

    public static Command Subscriptions()
    {
        var subscriptions = new Command("subscriptions", "Manage webhook subscriptions.");
        var url = new Option<string>("--url") { Description = "Where events are POSTed.", Required = true };
        var secret = new Option<string>("--secret") { Description = "Signing secret (16+ characters).", Required = true };
        var types = new Option<string[]>("--type") { Description = "Event type to deliver (repeatable); all when absent.", AllowMultipleArgumentsPerToken = true };
        var pattern = new Option<string?>("--subject-pattern") { Description = "FQID pattern with * wildcards." };
        var create = new Command("create", "Subscribe a webhook.") { url, secret, types, pattern };
        ClientCommand.SetAction(create, async (parse, client, ct) =>
        {
            Filters.EventType("--type", parse.GetValue(types));
            var created = await client.SubscribeAsync(new SubscriptionRequest(parse.GetValue(url), parse.GetValue(secret), parse.GetValue(types), parse.GetValue(pattern)), ct);
            Console.WriteLine($"Subscribed {created.Id} → {created.Url}");
        }, outputs: []);
        var list = new Command("list", "List subscriptions and their delivery progress.");
        ClientCommand.SetAction(list, async (parse, client, ct) =>
        {
            var all = await client.ListSubscriptionsAsync(ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(all);
                return;
            }
            Printer.Table(["id", "url", "types", "subjects", "cursor", "attempts"], all.Select(s => new[]
            {
                s.Id, s.Url, s.Types.Count == 0 ? "all" : string.Join(",", s.Types), s.SubjectPattern.Length == 0 ? "all" : s.SubjectPattern,
                s.Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        });
        var id = new Argument<string>("subscription-id") { Description = "The subscription." };
        var delete = new Command("delete", "Delete a subscription.") { id };
        ClientCommand.SetAction(delete, async (parse, client, ct) =>
        {
            await client.DeleteSubscriptionAsync(parse.GetValue(id)!, ct);
            Console.WriteLine($"Deleted {parse.GetValue(id)}.");
        }, outputs: []);
        var purge = new Command("purge", "Skip a subscription's undelivered backlog (then replay what it needs).") { id };
        ClientCommand.SetAction(purge, async (parse, client, ct) =>
        {
            var purged = await client.PurgeSubscriptionAsync(parse.GetValue(id)!, null, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(purged);
                return;
            }
            Console.WriteLine($"Purged the backlog of {purged.SubscriptionId}: skipped {purged.Skipped} event(s); cursor {purged.PreviousCursor} → {purged.Cursor}.");
        });
        subscriptions.Subcommands.Add(create);
        subscriptions.Subcommands.Add(list);
        subscriptions.Subcommands.Add(delete);
        subscriptions.Subcommands.Add(purge);
        return subscriptions;
    }

    private static async Task CheckFiltersAsync(ParseResult parse, SchemaRegistry.Client.RegistryClient client, CancellationToken ct)
    {
        Filters.EventType("--type", [parse.GetValue(Type)]);
        await Filters.SubjectOrVersionIfNamedAsync(client, "--subject", parse.GetValue(Subject), ct);
    }

    /// <summary>One line per event: NDJSON with <c>--output json</c>, else columns under a header (printed once by tail).</summary>
    private static void Print(EventPage page, bool json, bool header)
    {
        if (header && !json)
        {
            Console.WriteLine($"{"SEQ",6}  {"TIME",-20}  {"TYPE",-22} SUBJECT");
        }
        foreach (var e in page.Events)
        {
            Console.WriteLine(json
                ? System.Text.Json.JsonSerializer.Serialize(e, RegistryJson.Options)
                : $"{e.Sequence,6}  {Printer.Time(e.Time),-20}  {e.Type,-22} {e.Subject}");
        }
    }
}
