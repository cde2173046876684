using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// A quarantine replay of a real <c>schemareg serve</c> SIGKILLed at random points: after the restart every record a
/// batch quarantined is in exactly one place, still quarantined (its batch's file, with its manifest line in step) or
/// released (in a released file a <c>QuarantineReleased</c> event names), the counts agree with the files, nothing
/// unreferenced is left, and replaying again releases everything exactly once. One run per kill point, so each kill
/// hits a replay of untouched batches. <c>SCHEMAREG_REPLAY_KILLS</c> sets the kill points per database (4 here, to
/// stay within CI's budget; bench/replay-crash.sh runs more, see bench/RESULTS.md).
/// </summary>
public abstract class QuarantineReplayCrashTests(ITestOutputHelper output)
{
    private const string Admin = "sr_e2e_admin_token_0123456789abcdef";
    private const string Subject = "finance.gdp.invoice";
    private const int Batches = 4;
    private const int RecordsPerBatch = 5_000;

    private const string V11 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"}}}
        """;

    private const string V12 = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string","pattern":"^INV-"},"amount":{"type":"number","minimum":0},"currency":{"type":"string"},
                       "invoice_region_code":{"type":"string"}}}
        """;

    private static int KillPoints =>
        int.TryParse(Environment.GetEnvironmentVariable("SCHEMAREG_REPLAY_KILLS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 4;

    protected async Task KillReplaysAsync(string? database)
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin };
        if (database is not null)
        {
            environment["SCHEMAREG_DATABASE_URL"] = database;
        }
        var blobs = Path.Combine(dir.Path, "data", "blobs");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var runs = KillPoints + 1;
        var clock = Stopwatch.StartNew();

        var server = await ServerProcess.StartAsync(dir.Path, environment);
        try
        {
            TimeSpan fullReplay;
            using (var admin = new RegistryClient(server.Url, Admin))
            {
                using var reviewer = new RegistryClient(server.Url, (await admin.CreateKeyAsync(new CreateKeyRequest("reviewer", "schema-admin"))).Secret);
                await admin.SetConfigAsync(Subject, "FORWARD");
                await PublishAsync(admin, reviewer, $"{Subject}:v1.1", V11);
                await admin.RegisterPipelineAsync(new PipelineRequest("invoices", "gdp", $"{Subject}:latest", "pre_and_post", "quarantine", "finance-data"));
                for (var run = 0; run < runs; run++)
                {
                    await admin.StartRunAsync(new StartRunRequest("invoices", RunId(run), null));
                    for (var batch = 1; batch <= Batches; batch++)
                    {
                        using var body = new MemoryStream(BatchBody(run, batch));
                        var sent = await admin.SendBatchAsync(RunId(run), body, "application/x-ndjson");
                        Assert.Equal(RecordsPerBatch, sent.Quarantined);
                    }
                }
                await PublishAsync(admin, reviewer, $"{Subject}:v1.2", V12);
                output.WriteLine($"set-up of {runs} runs × {Batches} batches × {RecordsPerBatch} records: {clock.Elapsed.TotalSeconds:F1} s");

                // Run 0 without a kill: how long a replay takes, to spread the kill points over it.
                var timer = Stopwatch.StartNew();
                var replay = await admin.ReplayQuarantineAsync(new QuarantineReplayRequest(RunId(0)));
                fullReplay = timer.Elapsed;
                Assert.Equal((long)Batches * RecordsPerBatch, replay.Examined);
                var check = await CheckAsync(admin, blobs, 0);
                Assert.True(check.Clean && check.AllReleased, $"replay without a kill: {check}");
            }
            output.WriteLine($"one replay: {fullReplay.TotalMilliseconds:F0} ms; seed {seed}");

            var failures = new List<string>();
            int lostPoints = 0, duplicatedPoints = 0, inconsistentPoints = 0, leftoverPoints = 0, finishedBeforeKill = 0;
            // The first replay ran cold, so later ones are quicker: the window shrinks after a kill that came too late.
            var window = fullReplay.TotalMilliseconds;
            for (var run = 1; run < runs; run++)
            {
                var delay = TimeSpan.FromMilliseconds(random.NextDouble() * window);
                using (var ops = new RegistryClient(server.Url, Admin))
                {
                    var replaying = ops.ReplayQuarantineAsync(new QuarantineReplayRequest(RunId(run)));
                    await Task.Delay(delay);
                    await server.KillAsync();
                    var finished = await IgnoreAsync(replaying);
                    finishedBeforeKill += finished ? 1 : 0;
                    window = finished ? window * 0.75 : Math.Min(window * 1.1, fullReplay.TotalMilliseconds * 1.5);
                }
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(dir.Path, environment);
                using var admin = new RegistryClient(server.Url, Admin);
                var afterKill = await CheckAsync(admin, blobs, run);
                await admin.ReplayQuarantineAsync(new QuarantineReplayRequest(RunId(run)));
                var afterReplay = await CheckAsync(admin, blobs, run);
                output.WriteLine($"kill {run,3} after {delay.TotalMilliseconds,5:F0} ms: {afterKill}; replayed again: {afterReplay}");
                lostPoints += afterKill.Lost + afterReplay.Lost > 0 ? 1 : 0;
                duplicatedPoints += afterKill.Duplicated + afterReplay.Duplicated > 0 ? 1 : 0;
                inconsistentPoints += afterKill.Problems.Count + afterReplay.Problems.Count > 0 ? 1 : 0;
                leftoverPoints += afterKill.Leftovers.Count > 0 ? 1 : 0;
                if (!afterKill.Clean || !afterReplay.Clean || !afterReplay.AllReleased)
                {
                    failures.Add($"kill {run} after {delay.TotalMilliseconds:F0} ms: {afterKill} / then {afterReplay}");
                }
            }
            var spool = Path.Combine(dir.Path, "data", "spool");
            output.WriteLine($"{KillPoints} kill points ({(database is null ? "sqlite" : "postgres")}): {lostPoints} lost records, {duplicatedPoints} duplicated, " +
                $"{inconsistentPoints} counts or manifests out of step, {leftoverPoints} left unreferenced files ({finishedBeforeKill} replays had answered " +
                $"before their kill); {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Empty(Directory.Exists(spool) ? Directory.EnumerateFileSystemEntries(spool) : []);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static string RunId(int run) => string.Create(CultureInfo.InvariantCulture, $"replay-{run:D3}");

    /// <summary>A record's id: its run, batch and 1-based number in the batch (the manifest's <c>record</c>).</summary>
    private static string Id(int run, int batch, int record) => string.Create(CultureInfo.InvariantCulture, $"INV-{run}-{batch}-{record}");

    /// <summary>Every record is quarantined under v1.1; every 8th is invalid (negative amount) and stays so, the rest drifted and pass v1.2.</summary>
    private static bool Invalid(int record) => record % 8 == 0;

    private static byte[] BatchBody(int run, int batch)
    {
        var text = new StringBuilder();
        for (var record = 1; record <= RecordsPerBatch; record++)
        {
            var id = Id(run, batch, record);
            text.Append(Invalid(record)
                ? $$"""{"invoice_id":"{{id}}","amount":-1}"""
                : string.Create(CultureInfo.InvariantCulture, $$"""{"invoice_id":"{{id}}","amount":{{record}},"invoice_region_code":"EU-W"}""")).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task PublishAsync(RegistryClient admin, RegistryClient reviewer, string fqid, string payload)
    {
        await admin.RegisterAsync(new RegisterSchemaRequest(fqid, "finance-data", "invoices", Payload: JsonDocument.Parse(payload).RootElement.Clone()));
        await admin.ValidateAsync(fqid);
        await admin.SubmitAsync(fqid);
        await reviewer.ApproveAsync(fqid);
        await admin.PublishAsync(fqid);
    }

    /// <summary>True when the replay answered before the kill.</summary>
    private static async Task<bool> IgnoreAsync(Task task)
    {
        try
        {
            await task;
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RegistryApiException or IOException)
        {
            return false; // the server died under the request
        }
    }

    /// <summary>What a run's quarantine looks like from outside: the API's counts, the events and the files.</summary>
    private sealed record Check(int Lost, int Duplicated, long Released, List<string> Problems, List<string> Leftovers, bool AllReleased)
    {
        public bool Clean => Lost == 0 && Duplicated == 0 && Problems.Count == 0 && Leftovers.Count == 0;

        public override string ToString() =>
            $"released {Released}, lost {Lost}, duplicated {Duplicated}" +
            (Problems.Count == 0 ? "" : $", {Problems.Count} problems ({string.Join("; ", Problems.Take(3))})") +
            (Leftovers.Count == 0 ? "" : $", {Leftovers.Count} unreferenced files ({string.Join(", ", Leftovers.Take(3))})");
    }

    private static async Task<Check> CheckAsync(RegistryClient admin, string blobs, int run)
    {
        var runId = RunId(run);
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        var quarantine = await admin.ListQuarantineAsync(runId);
        if (quarantine.Count != Batches)
        {
            problems.Add($"{quarantine.Count} batches in quarantine");
        }
        var folder = Path.Combine(blobs, Path.GetDirectoryName(quarantine[0].Key)!);
        var stillQuarantined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in quarantine)
        {
            expectedFiles.Add(Path.Combine(blobs, item.Key + ".ndjson"));
            expectedFiles.Add(Path.Combine(blobs, item.Key + ".manifest.ndjson"));
            var records = await LinesAsync(Path.Combine(blobs, item.Key + ".ndjson"));
            var manifest = await LinesAsync(Path.Combine(blobs, item.Key + ".manifest.ndjson"));
            if (records is null || manifest is null)
            {
                problems.Add($"batch {item.Batch}: its files are missing");
                continue;
            }
            if (records.Count != item.Quarantined - item.Released)
            {
                problems.Add($"batch {item.Batch}: {records.Count} records in its file, the database says {item.Quarantined} - {item.Released}");
            }
            if (manifest.Count != records.Count)
            {
                problems.Add($"batch {item.Batch}: {manifest.Count} manifest lines for {records.Count} records");
            }
            for (var i = 0; i < Math.Min(records.Count, manifest.Count); i++)
            {
                var id = InvoiceId(records[i]);
                var number = JsonDocument.Parse(manifest[i]).RootElement.GetProperty("record").GetInt32();
                if (id != Id(run, item.Batch, number))
                {
                    problems.Add($"batch {item.Batch}: manifest line {i + 1} (record {number}) is not with {id}");
                    break;
                }
            }
            foreach (var record in records)
            {
                var id = InvoiceId(record);
                seen[id] = seen.GetValueOrDefault(id) + 1;
                stillQuarantined.Add(id);
            }
        }

        long releasedByEvents = 0;
        long after = 0;
        while (true)
        {
            var page = await admin.ReadEventsAsync(after, type: "QuarantineReleased");
            if (page.Events.Count == 0)
            {
                break;
            }
            after = page.Next;
            foreach (var e in page.Events.Where(e => e.Data.GetProperty("run_id").GetString() == runId))
            {
                releasedByEvents += e.Data.GetProperty("released").GetInt64();
                if (e.Data.GetProperty("released_key").GetString() is not { } key)
                {
                    continue;
                }
                expectedFiles.Add(Path.Combine(blobs, key));
                var released = await LinesAsync(Path.Combine(blobs, key));
                if (released is null)
                {
                    problems.Add($"released file {key} of an event is missing");
                    continue;
                }
                foreach (var record in released)
                {
                    var id = InvoiceId(record);
                    seen[id] = seen.GetValueOrDefault(id) + 1;
                }
            }
        }
        var releasedByBatches = quarantine.Sum(q => q.Released);
        if (releasedByEvents != releasedByBatches)
        {
            problems.Add($"events say {releasedByEvents} released, the batches {releasedByBatches}");
        }

        int lost = 0, duplicated = 0;
        for (var batch = 1; batch <= Batches; batch++)
        {
            for (var record = 1; record <= RecordsPerBatch; record++)
            {
                var count = seen.GetValueOrDefault(Id(run, batch, record));
                lost += count == 0 ? 1 : 0;
                duplicated += count > 1 ? 1 : 0;
            }
        }
        var leftovers = Directory.EnumerateFiles(folder).Where(f => !expectedFiles.Contains(f)).Select(Path.GetFileName).Select(f => f!).ToList();
        var drifted = Batches * (RecordsPerBatch - RecordsPerBatch / 8);
        var allReleased = releasedByBatches == drifted && stillQuarantined.Count == Batches * (RecordsPerBatch / 8)
            && stillQuarantined.All(id => Invalid(int.Parse(id[(id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)));
        return new Check(lost, duplicated, releasedByBatches, problems, leftovers, allReleased);
    }

    private static string InvoiceId(string record) => JsonDocument.Parse(record).RootElement.GetProperty("invoice_id").GetString()!;

    private static async Task<List<string>?> LinesAsync(string path) =>
        File.Exists(path) ? (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList() : null;
}
