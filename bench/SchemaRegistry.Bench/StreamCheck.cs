using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Bench;

/// <summary>
/// What the write benchmark checks once the load has stopped: the event stream has no gap, every FQID answered 201
/// has exactly one <c>SchemaRegistered</c> event (and no other FQID of the run has one), and the audit ledger's hash
/// chain holds from its first entry to its last, one entry per event.
/// </summary>
internal static class StreamCheck
{
    public sealed record Outcome(long Events, long AuditEntries, List<string> Problems);

    public static async Task<Outcome> RunAsync(HttpClient http, RegistryClient client, IReadOnlyCollection<string> created, string runId)
    {
        var problems = new List<string>();
        var registered = new Dictionary<string, int>(StringComparer.Ordinal);
        long after = 0, expected = 1, events = 0;
        while (true)
        {
            var page = JsonSerializer.Deserialize<EventPage>(await http.GetStringAsync($"v1/events?after={after}&limit=1000"), RegistryJson.Options)!;
            foreach (var e in page.Events)
            {
                if (e.Sequence != expected && problems.Count < 20)
                {
                    problems.Add($"event stream: sequence {e.Sequence} follows {expected - 1} (gap or disorder)");
                }
                expected = e.Sequence + 1;
                events++;
                if (e.Type == "SchemaRegistered" && e.Subject.Contains(runId, StringComparison.Ordinal))
                {
                    registered[e.Subject] = registered.GetValueOrDefault(e.Subject) + 1;
                }
            }
            if (page.Events.Count == 0)
            {
                break;
            }
            after = page.Next;
        }
        var createdSet = created.ToHashSet(StringComparer.Ordinal);
        if (createdSet.Count != created.Count)
        {
            problems.Add($"{created.Count - createdSet.Count} FQIDs were answered 201 more than once");
        }
        var missing = createdSet.Where(f => !registered.ContainsKey(f)).ToList();
        var twice = registered.Where(r => r.Value > 1).Select(r => $"{r.Key} ×{r.Value}").ToList();
        var unexpected = registered.Keys.Where(f => !createdSet.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} registered FQIDs have no SchemaRegistered event, e.g. {string.Join(", ", missing.Take(3))}");
        }
        if (twice.Count > 0)
        {
            problems.Add($"{twice.Count} FQIDs have several SchemaRegistered events, e.g. {string.Join(", ", twice.Take(3))}");
        }
        if (unexpected.Count > 0)
        {
            problems.Add($"{unexpected.Count} SchemaRegistered events for FQIDs never answered 201, e.g. {string.Join(", ", unexpected.Take(3))}");
        }

        var entries = new List<AuditEntry>();
        await foreach (var line in client.ExportAuditAsync())
        {
            var a = RegistryClient.ParseAuditLine(line);
            entries.Add(new AuditEntry(a.Sequence, a.At, a.Principal, a.Role, a.Action, a.Target, a.Reason, a.BeforeHash, a.AfterHash, a.PreviousHash, a.Hash));
        }
        if (AuditChain.Verify(entries, previousSequence: 0) is { } broken)
        {
            problems.Add($"audit ledger: entry {broken.Sequence} breaks the chain: {broken.Reason}");
        }
        if (entries.Count != events)
        {
            problems.Add($"audit ledger: {entries.Count} entries for {events} events");
        }
        return new Outcome(events, entries.Count, problems);
    }
}
