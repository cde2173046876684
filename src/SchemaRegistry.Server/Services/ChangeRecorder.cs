using System.Text.Json;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The event (and so the ledger entry) of a change whose store writes no event of its own: keys, subject
/// configuration, subscriptions and replays. Written right after the change, not in its transaction.
/// </summary>
internal static class ChangeRecorder
{
    public static Task RecordAsync(IRegistryStorage storage, string type, string target, Principal actor, DateTimeOffset at, object details, string? reason = null)
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
        return storage.Events.AppendAsync(type, target, at, JsonSerializer.Serialize(fields), CancellationToken.None);
    }
}
