using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>
/// The Confluent door's hot paths, measured as <c>api</c> measures <c>GET /v1/schema/{fqid}</c>: <c>GET /schemas/ids/{id}</c>
/// (what every deserializer calls for an id it has not seen) at a fixed rate, open loop, and at maximum with wrk; and
/// <c>POST /subjects/{s}</c> looking up a registered schema (what every serializer calls when it starts with
/// auto-registration off) at maximum with wrk and a script that posts the schema.
/// </summary>
internal static partial class ApiCommand
{
    private const double TargetLookupsPerSecond = 5_000;
    private const string ConfluentSubject = "invoices-value";

    public static async Task<int> RunConfluentAsync(CommandArguments arguments)
    {
        var url = new Uri(arguments.Required("url").TrimEnd('/') + "/");
        var adminToken = arguments.Required("admin-token");
        var schemaPath = arguments.Optional("schema", "bench/invoice.schema.json");
        var rate = arguments.Int("rate", 2000, 1);
        var seconds = arguments.Int("seconds", 20, 1);
        var warmup = arguments.Int("warmup", 5, 0);
        var wrk = arguments.Optional("wrk", "wrk");
        var wrkThreads = arguments.Int("wrk-threads", 2, 1);
        var wrkConnections = arguments.Int("wrk-connections", 64, 1);
        var wrkSeconds = arguments.Int("wrk-seconds", 20, 1);
        var serverPid = arguments.Int("server-pid", 0, 0);
        var markdownPath = arguments.Optional("markdown");
        arguments.RejectUnknown();

        using var admin = Client(url, adminToken);
        await WaitReadyAsync(admin, serverPid);
        var schema = await File.ReadAllTextAsync(schemaPath);
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = schema, ["schemaType"] = "JSON" });
        var registered = await ExpectAsync(admin.PostAsync($"subjects/{ConfluentSubject}/versions", Body(body)), HttpStatusCode.OK);
        var id = JsonDocument.Parse(registered).RootElement.GetProperty("id").GetInt64();
        var readerKey = JsonDocument.Parse(await ExpectAsync(admin.PostAsync("v1/keys", Body("""{"name":"bench-reader","role":"reader"}""")), HttpStatusCode.Created))
            .RootElement.GetProperty("secret").GetString()!;
        var runnerKey = JsonDocument.Parse(await ExpectAsync(admin.PostAsync("v1/keys", Body("""{"name":"bench-producer","role":"pipeline-runner"}""")), HttpStatusCode.Created))
            .RootElement.GetProperty("secret").GetString()!;
        Console.Error.WriteLine($"== {ConfluentSubject} registered through the door as id {id}; reader and pipeline-runner keys created.");

        var rows = new List<string>();
        var passed = true;
        double? byIdMaximum = null;
        double? lookupMaximum = null;
        var byId = new Uri(url, $"schemas/ids/{id}");
        Console.Error.WriteLine($"== GET /schemas/ids/{id}: {warmup} s warm-up, then {seconds} s at {rate:N0} req/s (open loop)");
        using (var getter = new RawHttpGetter(byId, readerKey))
        {
            await FixedRateAsync(getter, rate, TimeSpan.FromSeconds(warmup), serverPid, null);
            var fixedRate = await FixedRateAsync(getter, rate, TimeSpan.FromSeconds(seconds), serverPid, null);
            var pass = fixedRate.P99 <= TargetP99Ms && fixedRate.Errors == 0;
            passed &= pass;
            rows.Add($"| `GET /schemas/ids/{{id}}` at {rate:N0} req/s, open loop (C#, raw sockets, {seconds} s) | {fixedRate.Achieved:N0} | {Ms(fixedRate.P50)} | " +
                $"{Ms(fixedRate.P90)} | {Ms(fixedRate.P99)} | {Ms(fixedRate.Max)} | {fixedRate.Errors} | {fixedRate.Cpu} | P99 ≤ {TargetP99Ms:0} ms: {Verdict(pass)} |");
        }
        if (wrk != "none")
        {
            var max = RunWrk(wrk, byId, readerKey, wrkThreads, wrkConnections, wrkSeconds, serverPid);
            var pass = max.RequestsPerSecond >= TargetMaxRequestsPerSecond && max.Errors == 0;
            passed &= pass;
            byIdMaximum = max.RequestsPerSecond;
            rows.Add($"| `GET /schemas/ids/{{id}}` maximum, wrk -t{wrkThreads} -c{wrkConnections} -d{wrkSeconds}s (closed loop) | {max.RequestsPerSecond:N0} | " +
                $"{Ms(max.P50)} | {Ms(max.P90)} | {Ms(max.P99)} | {Ms(max.Max)} | {max.Errors} | {max.Cpu} | ≥ {TargetMaxRequestsPerSecond:N0} req/s: {Verdict(pass)} |");

            var script = Path.Combine(Path.GetTempPath(), $"confluent-lookup-{Environment.ProcessId}.lua");
            await File.WriteAllTextAsync(script,
                $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/vnd.schemaregistry.v1+json\"\nwrk.body = {LuaString(body)}\n");
            try
            {
                var lookup = RunWrk(wrk, new Uri(url, $"subjects/{ConfluentSubject}"), runnerKey, wrkThreads, wrkConnections, wrkSeconds, serverPid, script);
                var pass2 = lookup.RequestsPerSecond >= TargetLookupsPerSecond && lookup.Errors == 0;
                passed &= pass2;
                lookupMaximum = lookup.RequestsPerSecond;
                rows.Add($"| `POST /subjects/{{s}}` look-up of a registered schema, maximum, wrk -t{wrkThreads} -c{wrkConnections} -d{wrkSeconds}s | {lookup.RequestsPerSecond:N0} | " +
                    $"{Ms(lookup.P50)} | {Ms(lookup.P90)} | {Ms(lookup.P99)} | {Ms(lookup.Max)} | {lookup.Errors} | {lookup.Cpu} | ≥ {TargetLookupsPerSecond:N0} req/s: {Verdict(pass2)} |");
            }
            finally
            {
                File.Delete(script);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Embedded default (SQLite, file blobs); `bench/invoice.schema.json` registered through the Confluent door as `{ConfluentSubject}` (id {id}); reads with a reader key, look-ups with a pipeline-runner key, Bearer.");
        report.AppendLine("CPUs: average CPUs busy during the run (1.00 = one core) for the server / the load generator / every other process.");
        report.AppendLine();
        report.AppendLine("| Confluent door on loopback | Req/s | P50 ms | P90 ms | P99 ms | Max ms | Errors | CPUs server / load / other | Target |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        rows.ForEach(r => report.AppendLine(r));
        if (byIdMaximum is > 0 && lookupMaximum is { } lookups)
        {
            // On a loaded machine the absolute figures move with the load; the ratio of the two maxima of one run moves less.
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Look-up maximum / `GET /schemas/ids/{{id}}` maximum in this run: {lookups / byIdMaximum.Value:0.00} ({lookups:N0} / {byIdMaximum.Value:N0} req/s).");
        }
        if (CpuShares.MostOtherCpus > 0.2)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Other processes kept up to {CpuShares.MostOtherCpus:0.00} CPUs busy during these runs: on 2 CPUs that is not a clean measurement.");
        }
        Console.WriteLine(report);
        if (markdownPath is not null)
        {
            await File.WriteAllTextAsync(markdownPath, report.ToString());
        }
        return passed ? 0 : 1;
    }

    /// <summary>A Lua string literal: the body's bytes with quotes, backslashes and control characters escaped.</summary>
    private static string LuaString(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            literal.Append(b is (byte)'"' or (byte)'\\' || b < 0x20 || b >= 0x7f ? $"\\{b:D3}" : ((char)b).ToString());
        }
        return literal.Append('"').ToString();
    }
}
