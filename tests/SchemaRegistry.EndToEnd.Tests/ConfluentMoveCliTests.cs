using System.Text.Json;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry.Serdes;
using SchemaRegistry.EndToEnd.Tests.Harness;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary>
/// <c>schemareg import confluent</c> and <c>export confluent</c> as real processes between real servers on loopback: a
/// source seeded by Confluent's .NET client, fresh targets, re-runs, a kill half-way, a conflict, a filter, and errors.
/// </summary>
public sealed class ConfluentMoveCliTests(ConfluentSource source) : IClassFixture<ConfluentSource>
{
    private static JsonElement Report(Schemareg.Result result) => JsonDocument.Parse(result.Stdout).RootElement;

    private Task<Schemareg.Result> ImportAsync(DoorInstance target, params string[] extra) =>
        target.CliAsync(null, ["import", "confluent", "--from", source.Door.Url, "--user", "mover", "--password", DoorInstance.Admin, "-o", "json", .. extra]);

    private static void Succeeded(Schemareg.Result result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");

    [Fact]
    public async Task Import_copies_ids_versions_schemas_references_and_settings_a_rerun_copies_nothing_and_export_copies_it_back()
    {
        await using var target = await DoorInstance.StartAsync();

        var first = await ImportAsync(target);

        Succeeded(first);
        var report = Report(first);
        Assert.Equal((source.LiveVersions, 0, 0, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("already_present").GetInt32(),
            report.GetProperty("conflicting").GetInt32(), report.GetProperty("soft_deleted_not_copied").GetInt32()));
        Assert.Equal(source.Subjects, report.GetProperty("subject_count").GetInt32());
        Assert.Equal(await source.Door.SnapshotAsync(), await target.SnapshotAsync());
        Assert.Contains("\"references\":[{\"name\":\"https://acme.example/customer.json\",\"subject\":\"party-customer-value\",\"version\":1}]",
            (await target.GetAsync("subjects/invoice-value/versions/1")).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("READONLY", (await target.GetAsync("mode/old-value"))["mode"]!.GetValue<string>());
        Assert.Equal(404, (await target.SendAsync(HttpMethod.Get, "mode/orders-value")).Status); // IMPORT was for the copy only
        Assert.Equal("READWRITE", (await target.GetAsync("mode"))["mode"]!.GetValue<string>());

        // A record a producer wrote against the source reads back through the target (same id in its first bytes).
        var context = new SerializationContext(MessageComponentType.Value, "orders");
        using var sourceClient = source.Client();
        var bytes = await new AvroSerializer<GenericRecord>(sourceClient, new AvroSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = true })
            .SerializeAsync(Order(), context);
        using var targetClient = ConfluentSource.Client(target.Url);
        var back = await new AvroDeserializer<GenericRecord>(targetClient).DeserializeAsync(bytes, false, context);
        Assert.Equal(("o-1", 12.5, "rush"), ((string)back["id"], (double)back["amount"], (string)back["note"]));

        var second = await ImportAsync(target);

        Succeeded(second);
        Assert.Equal((0, source.LiveVersions), (Report(second).GetProperty("imported").GetInt32(), Report(second).GetProperty("already_present").GetInt32()));
        Assert.All(Report(second).GetProperty("versions").EnumerateArray(), v => Assert.Equal("already present", v.GetProperty("outcome").GetString()));

        await using var third = await DoorInstance.StartAsync();
        var exported = await target.CliAsync(null, "export", "confluent", "--to", third.Url, "--remote-token", DoorInstance.Admin, "-o", "json");
        Succeeded(exported);
        Assert.Equal(source.LiveVersions, Report(exported).GetProperty("imported").GetInt32());
        Assert.Equal(await source.Door.SnapshotAsync(), await third.SnapshotAsync());
        var again = await target.CliAsync(null, "export", "confluent", "--to", third.Url, "--remote-token", DoorInstance.Admin);
        Succeeded(again);
        Assert.Contains($"exported 0, already present {source.LiveVersions}, conflicting 0", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_killed_half_way_finishes_when_run_again()
    {
        await using var target = await DoorInstance.StartAsync();
        using var process = Schemareg.Start(target.Dir.Path, target.Env(),
            "import", "confluent", "--from", source.Door.Url, "--user", "mover", "--password", DoorInstance.Admin);
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            seen.Add(line);
            if (line.StartsWith("[3/", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true); // SIGKILL: nothing is tidied up
                break;
            }
        }
        await process.WaitForExitAsync();
        Assert.True(seen.Any(l => l.StartsWith("[3/", StringComparison.Ordinal)), string.Join('\n', seen));
        Assert.NotEqual(0, process.ExitCode);
        Assert.True((await target.SubjectsAsync()).Count < source.Subjects, "the kill came after the import had finished");

        var resumed = await ImportAsync(target);

        Succeeded(resumed);
        var report = Report(resumed);
        Assert.True(report.GetProperty("already_present").GetInt32() >= 3, resumed.Stdout);
        Assert.Equal(source.LiveVersions, report.GetProperty("imported").GetInt32() + report.GetProperty("already_present").GetInt32());
        Assert.Equal(await source.Door.SnapshotAsync(), await target.SnapshotAsync());
    }

    [Fact]
    public async Task A_version_the_target_holds_differently_is_a_conflict_reported_with_exit_1_and_not_overwritten()
    {
        await using var target = await DoorInstance.StartAsync();
        var other = """{"type":"record","name":"Order","namespace":"com.other","fields":[{"name":"sku","type":"string"}]}""";
        var (status, _) = await target.SendAsync(HttpMethod.Post, "subjects/orders-value/versions", JsonSerializer.Serialize(new { schema = other }));
        Assert.Equal(200, status);
        var before = (await target.GetAsync("subjects/orders-value/versions/1")).ToJsonString();

        var result = await ImportAsync(target, "--subjects", "orders-*");

        Assert.Equal(1, result.ExitCode);
        var conflicts = Report(result).GetProperty("versions").EnumerateArray().Where(v => v.GetProperty("outcome").GetString() == "conflicting").ToList();
        Assert.Contains(conflicts, v => v.GetProperty("subject").GetString() == "orders-value" && v.GetProperty("version").GetInt32() == 1);
        Assert.Contains("nothing was overwritten", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, (await target.GetAsync("subjects/orders-value/versions/1")).ToJsonString());
    }

    [Fact]
    public async Task Subjects_filters_by_glob_and_brings_the_versions_they_reference()
    {
        await using var target = await DoorInstance.StartAsync();

        var result = await ImportAsync(target, "--subjects", "inv*-value");

        Succeeded(result);
        Assert.Equal(["invoice-value", "party-customer-value"], await target.SubjectsAsync());
        Assert.Equal(await source.Door.SnapshotAsync(s => s is "invoice-value" or "party-customer-value"), await target.SnapshotAsync());

        var dry = await ImportAsync(target, "--subjects", "bulk-0?-value", "--dry-run");
        Succeeded(dry);
        Assert.Equal(10, Report(dry).GetProperty("imported").GetInt32());
        Assert.Equal(["invoice-value", "party-customer-value"], await target.SubjectsAsync());
    }

    [Fact]
    public async Task An_unreachable_source_a_refused_source_key_and_a_target_key_that_is_not_admin_each_say_what_to_fix()
    {
        await using var target = await DoorInstance.StartAsync();

        var unreachable = await target.CliAsync(null, "import", "confluent", "--from", $"http://127.0.0.1:{Schemareg.FreePort()}");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("cannot reach the source registry", unreachable.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: check the URL given to --from", unreachable.Stderr, StringComparison.Ordinal);

        var refused = await target.CliAsync(null, "import", "confluent", "--from", source.Door.Url, "--remote-token", "sr_not_a_key_0123456789abcdef");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("refused the credentials from --remote-token", refused.Stderr, StringComparison.Ordinal);

        var created = await target.CliAsync(null, "keys", "create", "--name", "ops", "--role", "ops-engineer", "-o", "json");
        Assert.Equal(0, created.ExitCode);
        var ops = Report(created).GetProperty("secret").GetString()!;
        var notAdmin = await target.CliAsync(ops, "import", "confluent", "--from", source.Door.Url, "--user", "mover", "--password", DoorInstance.Admin);
        Assert.Equal(2, notAdmin.ExitCode);
        Assert.Contains("403", notAdmin.Stderr, StringComparison.Ordinal);
        Assert.Contains("needs a schema-admin key", notAdmin.Stderr, StringComparison.Ordinal);
        Assert.Empty(await target.SubjectsAsync());
    }

    private static GenericRecord Order()
    {
        var record = new GenericRecord((RecordSchema)Avro.Schema.Parse(ConfluentSource.OrdersV2));
        record.Add("id", "o-1");
        record.Add("amount", 12.5);
        record.Add("note", "rush");
        return record;
    }
}
