using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg events list|tail|replay</c> and <c>schemareg subscriptions create|list</c>.</summary>
internal static class EventCommands
{
    private static readonly Option<long> After = new("--after") { Description = "Sequence to start after (default 0).", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Type = new("--type") { Description = "Only this event type." };
    private static readonly Option<string?> Subject = new("--subject") { Description = "Only this FQID." };

    public static Command Events()
    {
        var events = new Command("events", "Read and replay the event stream.");
        var list = new Command("list", "Print events after a cursor.") { After, Type, Subject };
        ClientCommand.SetAction(list, async (parse, client, ct) =>
            Print(await client.ReadEventsAsync(parse.GetValue(After), parse.GetValue(Type), parse.GetValue(Subject), 0, ct), ClientOptions.Json(parse)));
        var tail = new Command("tail", "Follow the stream: print events as they happen, until interrupted.") { After, Type, Subject };
        ClientCommand.SetAction(tail, async (parse, client, ct) =>
        {
            var cursor = parse.GetValue(After);
            while (!ct.IsCancellationRequested)
            {
                var page = await client.ReadEventsAsync(cursor, parse.GetValue(Type), parse.GetValue(Subject), 25, ct);
                Print(page, ClientOptions.Json(parse));
                cursor = page.Next;
            }
        });
        var subscription = new Option<string>("--subscription") { Description = "Subscription id.", Required = true };
        var from = new Option<long>("--from") { Description = "First sequence (inclusive).", Required = true };
        var to = new Option<long>("--to") { Description = "Last sequence (inclusive).", Required = true };
        var name = new Option<string?>("--name") { Description = "Replay name, set as replayname on each event." };
        var replay = new Command("replay", "Re-deliver a range of events to one subscription.") { subscription, from, to, name };
        ClientCommand.SetAction(replay, async (parse, client, ct) =>
        {
            var accepted = await client.ReplayAsync(new ReplayRequest(parse.GetValue(subscription), parse.GetValue(from), parse.GetValue(to), null, parse.GetValue(name)), ct);
            Console.WriteLine($"Replay {accepted.Name} ({accepted.Id}) queued for {accepted.SubscriptionId}.");
        });
        events.Subcommands.Add(list);
        events.Subcommands.Add(tail);
        events.Subcommands.Add(replay);
        return events;
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
            var created = await client.SubscribeAsync(new SubscriptionRequest(parse.GetValue(url), parse.GetValue(secret), parse.GetValue(types), parse.GetValue(pattern)), ct);
            Console.WriteLine($"Subscribed {created.Id} → {created.Url}");
        });
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
        subscriptions.Subcommands.Add(create);
        subscriptions.Subcommands.Add(list);
        return subscriptions;
    }

    private static void Print(EventPage page, bool json)
    {
        foreach (var e in page.Events)
        {
            Console.WriteLine(json
                ? System.Text.Json.JsonSerializer.Serialize(e, RegistryJson.Options)
                : $"{e.Sequence,6}  {Printer.Time(e.Time)}  {e.Type,-18} {e.Subject}");
        }
    }
}
