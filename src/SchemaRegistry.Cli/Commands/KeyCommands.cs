using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg keys create|list|revoke|rotate</c> (schema-admin).</summary>
internal static class KeyCommands
{
    public static Command Build()
    {
        var keys = new Command("keys", "Manage API keys.");
        keys.Subcommands.Add(Create());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
        keys.Subcommands.Add(Rotate());
        return keys;
    }

    private static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key.", Required = true };
        var role = new Option<string>("--role") { Description = "schema-admin, ops-engineer, pipeline-runner or reader.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "Expiry (ISO 8601)." };
        var command = new Command("create", "Create a key; its secret is printed once.") { name, role, expires };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var key = await client.CreateKeyAsync(new CreateKeyRequest(parse.GetValue(name), parse.GetValue(role), parse.GetValue(expires)), ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(key);
                return;
            }
            Console.WriteLine($"Created {key.Id} ({key.Name}, {key.Role}). Secret, shown once:");
            Console.WriteLine(key.Secret);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List keys (no secrets).");
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var result = await client.ListKeysAsync(ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(result);
                return;
            }
            Printer.Table(["id", "name", "role", "prefix", "created", "expires", "revoked"], result.Keys.Select(k => new[]
            {
                k.Id, k.Name, k.Role, k.Prefix, Printer.Time(k.CreatedAt),
                k.ExpiresAt is { } e ? Printer.Time(e) : "-", k.RevokedAt is { } r ? Printer.Time(r) : "-",
            }));
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "Key id (key_…)." };
        var command = new Command("revoke", "Revoke a key.") { id };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var key = await client.RevokeKeyAsync(parse.GetValue(id)!, ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(key);
                return;
            }
            Console.WriteLine($"Revoked {key.Id} ({key.Name}).");
        });
        return command;
    }

    private static Command Rotate()
    {
        var id = new Argument<string>("id") { Description = "Key id (key_…)." };
        var grace = new Option<int>("--grace-seconds") { Description = "How long the old key keeps working (default 0: revoked now)." };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "The new key's expiry (ISO 8601); default: the old key's lifetime from now." };
        var command = new Command("rotate", "Replace a key by a new one with the same name and role; the new secret is printed once.") { id, grace, expires };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var result = await client.RotateKeyAsync(parse.GetValue(id)!, new RotateKeyRequest(parse.GetValue(grace), parse.GetValue(expires)), ct);
            if (ClientOptions.Json(parse))
            {
                Printer.Json(result);
                return;
            }
            var previous = result.Previous;
            var until = previous.RevokedAt is { } revoked ? $"was revoked at {Printer.Time(revoked)}"
                : previous.ExpiresAt is { } expiry ? $"works until {Printer.Time(expiry)}" : "is unchanged";
            Console.WriteLine($"Rotated {previous.Id} ({previous.Name}, {result.Key.Role}) to {result.Key.Id}; the old key {until}. Secret, shown once:");
            Console.WriteLine(result.Key.Secret);
        });
        return command;
    }
}
