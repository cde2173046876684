using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

internal static class SchemaMapper
{
    public static SchemaResponse ToResponse(SchemaRecord record, IReadOnlyList<HistoryEntry> history, string? requested)
    {
        var d = record.Definition;
        using var payload = JsonDocument.Parse(d.Payload);
        return new SchemaResponse(
            d.Fqid.ToString(), requested, d.Fqid.Subject.ToString(), d.Fqid.Version.ToString(), WireNames.Of(record.State),
            d.Owner, d.Description, d.Format, WireNames.Of(d.Compatibility), d.Tags, record.References, record.ContentHash,
            payload.RootElement.Clone(), record.CreatedAt, record.CreatedBy, record.UpdatedAt, record.UpdatedBy,
            history.Select(h => new HistoryItem(ActionName(h.Action), h.From is { } f ? WireNames.Of(f) : null, WireNames.Of(h.To),
                h.PrincipalName, h.PrincipalId, h.Role, h.At, h.Comment)).ToList());
    }

    public static string ActionName(SchemaAction action) => WireNames.Of(action);
}
