using System.Text.Json;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>The whole event stream and the whole audit ledger of a running server, read page by page as a consumer would.</summary>
public static class EventFeed
{
    /// <summary>Every event, in sequence order, through <c>GET /v1/events?after=…</c>.</summary>
    public static async Task<List<JsonElement>> ReadAllAsync(HttpClient http)
    {
        var events = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync($"v1/events?after={after}&limit=1000")).RootElement;
            var batch = page.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
            if (batch.Count == 0)
            {
                return events;
            }
            events.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
        }
    }

    /// <summary>Every ledger entry, in sequence order, through <c>GET /v1/audit?after=…</c>.</summary>
    public static async Task<List<JsonElement>> ReadLedgerAsync(HttpClient http)
    {
        var entries = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync($"v1/audit?after={after}&limit=10000")).RootElement;
            var batch = page.EnumerateArray().Select(e => e.Clone()).ToList();
            if (batch.Count == 0)
            {
                return entries;
            }
            entries.AddRange(batch);
            after = batch[^1].GetProperty("sequence").GetInt64();
        }
    }
}
