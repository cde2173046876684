using System.Text.Json;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The event (and so the ledger entry) of a change made by an administrator: keys, subject configuration,
/// subscriptions and replays. The store writes it in the change's transaction.
/// </summary>
internal static class ChangeRecorder
{
    public static OutboxEvent Event(string type, string target, Principal actor, DateTimeOffset at, object details, string? reason = null)
    {
        var data = JsonSerializer.SerializeToElement(details);
        var fields = new Dictionary<string, object?>
        {
            ["principal"] = actor.Name,
            ["principal_id"] = actor.Id,
            ["role"] = Core.Documents.WireNames.Of(actor.Role),
            ["reason"] = reason,
        };
        foreach (var property in data.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }
        return new OutboxEvent(type, target, at, JsonSerializer.Serialize(fields));
    }
}
