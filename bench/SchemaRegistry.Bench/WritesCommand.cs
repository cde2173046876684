using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;

namespace SchemaRegistry.Bench;

/// <summary>
/// The write benchmark against several running <c>schemareg serve</c> replicas over one database (see
/// bench/run-writes.sh): concurrent <c>POST /v1/schema</c> of distinct FQIDs, round-robin over the replicas, for a
/// fixed time after a warm-up; then contested registrations (one FQID through every replica at once: one winner), and
/// the checks that the event stream has no gap, one registration event per FQID, and an intact audit chain.
/// Prints a Markdown table; exit code 1 when the target is missed or a check fails.
/// </summary>
internal static class WritesCommand
{
    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var urls = arguments.Required("urls").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u.TrimEnd('/') + "/")).ToList();
        var adminToken = arguments.Required("admin-token");
        var schemaPath = arguments.Optional("schema", "bench/invoice.schema.json");
        var workers = arguments.Int("workers", 32, 1);
        var seconds = arguments.Int("seconds", 20, 1);
        var warmup = arguments.Int("warmup", 10, 0);
        var contested = arguments.Int("contested", 30, 0);
        var target = arguments.Int("target", 500, 1);
        var postgres = arguments.Optional("postgres");
        var serverPids = arguments.Optional("server-pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var postmasterPid = arguments.Int("postgres-pid", 0, 0);
        var markdownPath = arguments.Optional("markdown");
        arguments.RejectUnknown();

        var replicas = urls.Select(u => Client(u, adminToken)).ToList();
        try
        {
            foreach (var replica in replicas)
            {
                await WaitReadyAsync(replica);
            }
            using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(schemaPath));
            var payload = JsonSerializer.Serialize(schema.RootElement);
            var runId = "w" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
            var load = new WriteLoad(replicas, payload, runId);

            Console.Error.WriteLine($"== {replicas.Count} replicas, {workers} workers, payload {Encoding.UTF8.GetByteCount(payload):N0} bytes: {warmup} s warm-up");
            if (warmup > 0)
            {
                await load.RunAsync(workers, TimeSpan.FromSeconds(warmup));
            }
            Console.Error.WriteLine($"== {seconds} s measured");
            var sampler = postgres is null ? null : EventLockSampler.Start(postgres);
            var cpu = ProcessCpu.Start(serverPids, postmasterPid);
            var result = await load.RunAsync(workers, TimeSpan.FromSeconds(seconds));
            var cpuUse = cpu.Stop();
            var lockUse = sampler is null ? null : await sampler.StopAsync();
            if (sampler is not null)
            {
                await sampler.DisposeAsync();
            }

            Console.Error.WriteLine($"== {result.PerSecond:N0} registrations/s; {contested} contested registrations, then the stream checks");
            var contestProblems = await load.ContestAsync(contested);
            using var client = new RegistryClient(urls[0], adminToken);
            var check = await StreamCheck.RunAsync(replicas[0], client, load.Created.ToList(), runId);

            var passed = result.PerSecond >= target && result.Errors == 0 && contestProblems.Count == 0 && check.Problems.Count == 0;
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{replicas.Count} `schemareg serve` replicas over one PostgreSQL on loopback; {workers} concurrent clients (closed loop), each request a new FQID " +
                $"(payload `{Path.GetFileName(schemaPath)}`, {Encoding.UTF8.GetByteCount(payload):N0} bytes), round-robin over the replicas; {warmup} s warm-up, {seconds} s measured.");
            report.AppendLine("CPUs: average CPUs busy during the measured run (1.00 = one core) for the replicas / PostgreSQL / the load generator / everything else on the machine.");
            report.AppendLine();
            report.AppendLine("| `POST /v1/schema` | Registrations/s | P50 ms | P90 ms | P99 ms | Max ms | Requests | Errors | CPUs replicas / PostgreSQL / load / other | Target |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {replicas.Count} replicas, {workers} clients, {seconds} s | {result.PerSecond:N0} | {Ms(result.P50)} | {Ms(result.P90)} | {Ms(result.P99)} | {Ms(result.Max)} | " +
                $"{result.Requests:N0} | {result.Errors:N0} | {cpuUse} | ≥ {target:N0}/s: {(result.PerSecond >= target && result.Errors == 0 ? "PASS" : "FAIL")} |");
            report.AppendLine();
            if (lockUse is not null)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"- Events lock (`pg_locks`, sampled every 5 ms, {lockUse.Samples:N0} samples): held in {lockUse.HeldShare:P0} of samples, " +
                    $"{lockUse.MeanWaiters:0.0} transactions waiting for it on average.");
            }
            if (!load.ErrorKinds.IsEmpty)
            {
                report.AppendLine("- Errors: " + string.Join(", ", load.ErrorKinds.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}")) + ".");
            }
            var contestLine = contestProblems.Count == 0
                ? "one 201 and the rest 409 REG-1002 every time (PASS)."
                : $"FAIL, {contestProblems.Count} wrong, e.g. {contestProblems[0]}.";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- Contested: {contested} FQIDs each registered through all {replicas.Count} replicas at once: {contestLine}");
            var checkLine = check.Problems.Count == 0
                ? "no gap in the stream, exactly one `SchemaRegistered` per FQID, audit chain intact (PASS)."
                : "FAIL: " + string.Join("; ", check.Problems) + ".";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- Afterwards: {check.Events:N0} events and {check.AuditEntries:N0} ledger entries read back; {load.Created.Count:N0} FQIDs created: {checkLine}");
            Console.WriteLine(report);
            if (markdownPath is not null)
            {
                await File.WriteAllTextAsync(markdownPath, report.ToString());
            }
            return passed ? 0 : 1;
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static HttpClient Client(Uri url, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"The replica at {http.BaseAddress} did not become ready within 90 s.");
            }
            await Task.Delay(100);
        }
    }
}
