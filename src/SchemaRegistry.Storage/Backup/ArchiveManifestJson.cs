using System.Text.Json;

namespace SchemaRegistry.Storage.Backup;

/// <summary>The manifest line, <c>{"manifest":{…}}</c>, written field by field so its bytes never depend on a serializer's settings.</summary>
internal static class ArchiveManifestJson
{
    public static void Write(Utf8JsonWriter json, ArchiveManifest manifest)
    {
        json.WriteStartObject();
        json.WriteStartObject("manifest");
        json.WriteNumber("format_version", manifest.FormatVersion);
        json.WriteNumber("last_event_sequence", manifest.LastEventSequence);
        json.WriteNumber("last_audit_sequence", manifest.LastAuditSequence);
        json.WriteStartArray("parts");
        foreach (var part in manifest.Parts)
        {
            json.WriteStartObject();
            json.WriteString("part", part.Name);
            json.WriteNumber("rows", part.Rows);
            json.WriteNumber("bytes", part.Bytes);
            json.WriteString("sha256", part.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("sha256", manifest.Sha256);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Reads a manifest line; null when the line is not one.</summary>
    public static ArchiveManifest? Read(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            if (!document.RootElement.TryGetProperty("manifest", out var m))
            {
                return null;
            }
            var parts = m.GetProperty("parts").EnumerateArray()
                .Select(p => new ArchivePart(p.GetProperty("part").GetString()!, p.GetProperty("rows").GetInt64(), p.GetProperty("bytes").GetInt64(),
                    p.GetProperty("sha256").GetString()!))
                .ToList();
            return new ArchiveManifest(m.GetProperty("format_version").GetInt32(), m.GetProperty("last_event_sequence").GetInt64(),
                m.GetProperty("last_audit_sequence").GetInt64(), parts, m.GetProperty("sha256").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw ArchiveErrors.Invalid($"The archive's manifest line is malformed: {e.Message}");
        }
    }
}
