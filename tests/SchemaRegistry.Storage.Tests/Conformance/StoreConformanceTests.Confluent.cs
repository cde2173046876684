using SchemaRegistry.Core.Documents;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The Confluent door's tables: global schema ids, version numbers, subject names and settings.</summary>
public abstract partial class StoreConformanceTests
{
    private IConfluentStore Confluent => Fixture.Storage.Confluent;

    private static StoredSchema Schema(string fingerprint, string text = """{"type":"string"}""") => new(0, fingerprint, "json-schema", text, "[]");

    [Fact]
    public async Task One_fingerprint_gets_one_id_and_another_fingerprint_another()
    {
        var fingerprint = "sha256:" + Guid.NewGuid().ToString("N");
        var first = await Confluent.EnsureSchemaIdAsync(Schema(fingerprint), null, T0, None);
        var again = await Confluent.EnsureSchemaIdAsync(Schema(fingerprint, "ignored: the first text stays"), null, T0, None);
        var other = await Confluent.EnsureSchemaIdAsync(Schema(fingerprint + "x"), null, T0, None);

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var stored = await Confluent.GetSchemaAsync(first.Value, None);
        Assert.Equal("""{"type":"string"}""", stored!.Text);
        Assert.Equal(first, await Confluent.FindSchemaIdAsync(fingerprint, None));
        Assert.Null(await Confluent.FindSchemaIdAsync("sha256:none", None));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_schema_get_one_id()
    {
        var fingerprint = "sha256:" + Guid.NewGuid().ToString("N");
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Confluent.EnsureSchemaIdAsync(Schema(fingerprint), null, T0, None))));

        Assert.Single(ids.Distinct());
        Assert.NotNull(ids[0]);
    }

    [Fact]
    public async Task An_import_keeps_a_given_id_and_refuses_one_that_names_another_schema()
    {
        var wanted = 900_000 + Random.Shared.Next(90_000);
        var fingerprint = "sha256:" + Guid.NewGuid().ToString("N");
        Assert.Equal(wanted, await Confluent.EnsureSchemaIdAsync(Schema(fingerprint), wanted, T0, None));
        Assert.Equal(wanted, await Confluent.EnsureSchemaIdAsync(Schema(fingerprint), wanted, T0, None));
        Assert.Null(await Confluent.EnsureSchemaIdAsync(Schema(fingerprint + "other"), wanted, T0, None));
        Assert.Null(await Confluent.EnsureSchemaIdAsync(Schema(fingerprint), wanted + 1, T0, None));

        // Ids assigned afterwards never collide with the imported one.
        var next = await Confluent.EnsureSchemaIdAsync(Schema(fingerprint + "next"), null, T0, None);
        Assert.NotEqual(wanted, next);
    }

    [Fact]
    public async Task Versions_are_numbered_one_to_n_once_each_even_when_numbered_concurrently()
    {
        var subject = NewSubject().ToString();
        var fqids = Enumerable.Range(0, 8).Select(i => $"{subject}:v1.{i}").ToList();
        var added = await Task.WhenAll(fqids.Select(f => Task.Run(() => Confluent.AppendVersionAsync(subject, f, 7, null, null, None))));
        var again = await Confluent.AppendVersionAsync(subject, fqids[0], 7, null, null, None);

        Assert.All(added, Assert.True);
        Assert.False(again);
        var versions = await Confluent.VersionsAsync(subject, None);
        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Version));
        Assert.Equal(fqids.Order(StringComparer.Ordinal), versions.Select(v => v.Fqid).Order(StringComparer.Ordinal));
        Assert.All(versions, v => Assert.Equal(ConfluentVersion.Live, v.Deleted));
    }

    [Fact]
    public async Task An_import_numbers_a_version_as_given_and_deletes_mark_versions()
    {
        var subject = NewSubject().ToString();
        Assert.True(await Confluent.AppendVersionAsync(subject, subject + ":v1.0", 3, 7, """{"metadata":{}}""", None));
        Assert.False(await Confluent.AppendVersionAsync(subject, subject + ":v1.1", 3, 7, null, None));
        Assert.True(await Confluent.AppendVersionAsync(subject, subject + ":v1.1", 4, null, null, None));

        var deleted = new OutboxEvent("ConfluentVersionsDeleted", subject, T0, """{"principal_id":"key_admin","role":"schema-admin","versions":[7]}""");
        await Confluent.SetDeletedAsync(subject, [7], ConfluentVersion.SoftDeleted, [deleted], None);
        var versions = await Confluent.VersionsAsync(subject, None);

        // The event and its ledger entry commit with the mark.
        Assert.Equal(["ConfluentVersionsDeleted"], (await Fixture.Storage.Events.ReadAsync(0, 10, null, subject, None)).Select(e => e.Type));
        var entry = Assert.Single(await Fixture.Storage.Audit.ReadAsync(new AuditQuery(Target: subject), None));
        Assert.Equal(("ConfluentVersionsDeleted", "key_admin"), (entry.Action, entry.Principal));

        Assert.Equal([(7, ConfluentVersion.SoftDeleted, """{"metadata":{}}"""), (8, ConfluentVersion.Live, (string?)null)],
            versions.Select(v => (v.Version, v.Deleted, v.Metadata)));
        Assert.Equal([subject + ":v1.1"], (await Confluent.VersionsOfSchemaAsync(4, None)).Where(v => v.Subject == subject).Select(v => v.Fqid));
    }

    [Fact]
    public async Task A_name_maps_to_one_subject_and_settings_are_set_replaced_and_removed()
    {
        var name = "orders-" + Guid.NewGuid().ToString("N");
        var subject = NewSubject().ToString();
        Assert.Equal(subject, await Confluent.MapNameAsync(name, subject, T0, None));
        Assert.Equal(subject, await Confluent.MapNameAsync(name, NewSubject().ToString(), T0, None));
        Assert.Equal(subject, await Confluent.SubjectOfNameAsync(name, None));
        Assert.Equal(subject, (await Confluent.NamesAsync(None))[name]);

        await Confluent.SetSettingAsync(subject, "mode", "READONLY", "key_admin", T0, [], None);
        await Confluent.SetSettingAsync(subject, "mode", "IMPORT", "key_admin", T0, [], None);
        Assert.Equal("IMPORT", await Confluent.GetSettingAsync(subject, "mode", None));
        await Confluent.SetSettingAsync(subject, "mode", null, "key_admin", T0, [], None);
        Assert.Null(await Confluent.GetSettingAsync(subject, "mode", None));
    }

    [Fact]
    public async Task A_subject_mode_can_be_cleared()
    {
        var subject = NewSubject();
        await Fixture.Storage.Subjects.SetModeAsync(subject, CompatibilityMode.Full, "key_admin", T0, [], None);

        Assert.True(await Fixture.Storage.Subjects.ClearModeAsync(subject, [], None));
        Assert.False(await Fixture.Storage.Subjects.ClearModeAsync(subject, [], None));
        Assert.Null(await Fixture.Storage.Subjects.GetModeAsync(subject, None));
    }
}
