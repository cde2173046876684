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
        var load = LoadArguments.Read(arguments);
        arguments.RejectUnknown();
        var url = load.Url;

        using var admin = Client(url, load.AdminToken);
        await WaitReadyAsync(admin, load.ServerPid);
        var schema = await File.ReadAllTextAsync(load.SchemaPath);
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
        Console.Error.WriteLine($"== GET /schemas/ids/{id}: {load.Warmup} s warm-up, then {load.Seconds} s at {load.Rate:N0} req/s (open loop)");
        using (var getter = new RawHttpGetter(byId, readerKey))
        {
            await FixedRateAsync(getter, load.Rate, TimeSpan.FromSeconds(load.Warmup), load.ServerPid, null);
            var fixedRate = await FixedRateAsync(getter, load.Rate, TimeSpan.FromSeconds(load.Seconds), load.ServerPid, null);
            var pass = fixedRate.P99 <= TargetP99Ms && fixedRate.Errors == 0;
            passed &= pass;
            rows.Add(FixedRateRow("`GET /schemas/ids/{id}`", load, fixedRate, pass));
        }
        if (load.Wrk != "none")
        {
            var max = RunWrk(load, byId, readerKey);
            var pass = max.RequestsPerSecond >= TargetMaxRequestsPerSecond && max.Errors == 0;
            passed &= pass;
            byIdMaximum = max.RequestsPerSecond;
            rows.Add(MaximumRow($"`GET /schemas/ids/{{id}}` maximum, {load.WrkShape} (closed loop)", max, $"≥ {TargetMaxRequestsPerSecond:N0} req/s", pass));

            var script = Path.Combine(Path.GetTempPath(), $"confluent-lookup-{Environment.ProcessId}.lua");
            await File.WriteAllTextAsync(script,
                $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/vnd.schemaregistry.v1+json\"\nwrk.body = {LuaString(body)}\n");
            try
            {
                var lookup = RunWrk(load, new Uri(url, $"subjects/{ConfluentSubject}"), runnerKey, script);
                var pass2 = lookup.RequestsPerSecond >= TargetLookupsPerSecond && lookup.Errors == 0;
                passed &= pass2;
                lookupMaximum = lookup.RequestsPerSecond;
                rows.Add(MaximumRow($"`POST /subjects/{{s}}` look-up of a registered schema, maximum, {load.WrkShape}", lookup, $"≥ {TargetLookupsPerSecond:N0} req/s", pass2));
            }
            finally
            {
                File.Delete(script);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Embedded default (SQLite, file blobs); `bench/invoice.schema.json` registered through the Confluent door as `{ConfluentSubject}` (id {id}); reads with a reader key, look-ups with a pipeline-runner key, Bearer.");
        report.AppendLine(CpusLegend);
        AppendTable(report, "Confluent door on loopback", rows);
        if (byIdMaximum is > 0 && lookupMaximum is { } lookups)
        {
            // On a loaded machine the absolute figures move with the load; the ratio of the two maxima of one run moves less.
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Look-up maximum / `GET /schemas/ids/{{id}}` maximum in this run: {lookups / byIdMaximum.Value:0.00} ({lookups:N0} / {byIdMaximum.Value:N0} req/s).");
        }
        AppendOtherCpus(report);
        await PrintAsync(report, load.MarkdownPath);
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
