using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Contracts;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg keys create|list|revoke</c> (schema-admin).</summary>
internal static class KeyCommands
{
    public static Command Build()
    {
        var keys = new Command("keys", "Manage API keys.");
        keys.Subcommands.Add(Create());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
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
}
