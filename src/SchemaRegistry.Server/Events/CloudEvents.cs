using System.Text.Json;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Events;

/// <summary>Stored events in their CloudEvents 1.0 structured JSON form, the same for the feed and the webhooks.</summary>
internal static class CloudEvents
{
    public const string Source = "/schemareg";
    public const string MediaType = "application/cloudevents+json";

    public static CloudEvent From(StoredEvent e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new CloudEvent("1.0", e.Id, Source, e.Type, e.Subject, e.Time, e.Sequence, data.RootElement.Clone());
    }
}
