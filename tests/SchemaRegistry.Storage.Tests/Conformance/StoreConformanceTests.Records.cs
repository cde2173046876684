using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Inserting, reading, updating and the history of single versions.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Insert_then_get_round_trips_every_field()
    {
        var fqid = V(NewSubject("gdp", "shipment_events"), 3, 14);
        // Sub-millisecond ticks and a non-UTC offset: the store keeps the instant to the millisecond.
        var created = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(5.5)).AddTicks(4567);
        var updated = created.AddDays(1).AddMilliseconds(877).AddTicks(9);
        const string payload =
            "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n" +
            "\t\"title\" : \"Ünïcødé — 注文 \\\"quoted\\\" 😀\",\n  \"type\":   \"object\" ,\"required\":[ ]   \n}\n";
        var record = new SchemaRecord(
            new SchemaDefinition(fqid, "Team-Logistics",
                "Shipments with \"quotes\", 'apostrophes', a back\\slash, 100% and émojis 🚚\nsecond line",
                SchemaDefinition.JsonSchemaFormat, CompatibilityMode.FullTransitive,
                new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["pii"] = "false",
                    ["owner-team"] = "logistics",
                    ["note"] = "ünïcødé \"q\" \\ / <b>",
                    ["empty"] = "",
                },
                payload),
            SchemaState.PendingApproval,
            ["zeta.raw.parcels:v2.0", "alpha.gdp.carriers:v1.10", "alpha.gdp.carriers:v1.9"],
            "sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            created, "key_creator", updated, "key_updater", "key_submitter", 5_000_000_123L);

        await Schemas.InsertAsync(record, Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), None);
        var stored = await Schemas.GetAsync(fqid, None);

        AssertSameRecord(record, stored);
        Assert.Equal(123, stored!.CreatedAt.Millisecond);
        Assert.Equal(created.AddTicks(-4567), stored.CreatedAt);
    }

    [Fact]
    public async Task Insert_then_get_round_trips_no_submitter_no_tags_and_no_references()
    {
        var fqid = V(NewSubject(), 1, 0);
        var record = Record(fqid) with
        {
            Definition = Record(fqid).Definition with { Tags = new SortedDictionary<string, string>(StringComparer.Ordinal) },
            References = [],
            SubmittedBy = null,
        };

        await Schemas.InsertAsync(record, Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), None);

        var stored = await Schemas.GetAsync(fqid, None);
        AssertSameRecord(record, stored);
        Assert.Null(stored!.SubmittedBy);
        Assert.Empty(stored.Definition.Tags);
        Assert.Empty(stored.References);
    }

    [Fact]
    public async Task Get_returns_null_for_a_missing_fqid()
    {
        var subject = NewSubject();
        await InsertAsync(V(subject, 1, 0));

        Assert.Null(await Schemas.GetAsync(V(subject, 1, 1), None));
        Assert.Null(await Schemas.GetAsync(V(NewSubject(), 1, 0), None));
    }

    [Fact]
    public async Task Inserting_an_existing_fqid_throws_StoreConflictException_and_changes_nothing()
    {
        var fqid = V(NewSubject(), 1, 0);
        var original = await InsertAsync(fqid, SchemaState.Published);
        var duplicate = original with
        {
            Definition = original.Definition with { Owner = "someone-else", Payload = "{}" },
            State = SchemaState.Draft,
            UpdatedAt = T0.AddHours(1),
        };

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Schemas.InsertAsync(duplicate, Entry(fqid, SchemaAction.Register, null, SchemaState.Draft, T0.AddHours(1), "again"), None));

        AssertSameRecord(original, await Schemas.GetAsync(fqid, None));
        var history = await Schemas.GetHistoryAsync(fqid, None);
        Assert.Equal([Entry(fqid, SchemaAction.Register, null, SchemaState.Published)], history);
    }

    [Fact]
    public async Task Update_with_the_current_revision_replaces_the_record_and_appends_history()
    {
        var fqid = V(NewSubject(), 1, 0);
        var original = await InsertAsync(fqid);
        var edited = original with
        {
            Definition = original.Definition with
            {
                Owner = "team-shipping",
                Description = "Edited description",
                Compatibility = CompatibilityMode.Full,
                Tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["pii"] = "true" },
                Payload = """{ "type": "object", "additionalProperties": false }""",
            },
            State = SchemaState.Validated,
            References = ["other.raw.customers:v1.0"],
            ContentHash = "sha256:" + new string('b', 64),
            UpdatedAt = T0.AddMinutes(5),
            UpdatedBy = "key_bob",
            SubmittedBy = "key_bob",
            Revision = 2,
        };
        var validate = Entry(fqid, SchemaAction.Validate, SchemaState.Draft, SchemaState.Validated, T0.AddMinutes(5), "checks passed");

        await Schemas.UpdateAsync(edited, expectedRevision: 1, validate, None);

        AssertSameRecord(edited, await Schemas.GetAsync(fqid, None));
        Assert.Equal(
            [Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), validate],
            await Schemas.GetHistoryAsync(fqid, None));
    }

    [Fact]
    public async Task Update_with_a_stale_revision_throws_StoreConflictException_and_changes_nothing()
    {
        var fqid = V(NewSubject(), 1, 0);
        var original = await InsertAsync(fqid);
        var validated = original with { State = SchemaState.Validated, UpdatedAt = T0.AddMinutes(1), Revision = 2 };
        var validate = Entry(fqid, SchemaAction.Validate, SchemaState.Draft, SchemaState.Validated, T0.AddMinutes(1));
        await Schemas.UpdateAsync(validated, 1, validate, None);
        var stale = original with
        {
            Definition = original.Definition with { Description = "lost update" },
            State = SchemaState.Published,
            UpdatedAt = T0.AddMinutes(2),
            Revision = 2,
        };

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Schemas.UpdateAsync(stale, 1, Entry(fqid, SchemaAction.Publish, SchemaState.Draft, SchemaState.Published, T0.AddMinutes(2)), None));
        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Schemas.UpdateAsync(stale with { Revision = 4 }, 3, Entry(fqid, SchemaAction.Publish, SchemaState.Draft, SchemaState.Published), None));

        AssertSameRecord(validated, await Schemas.GetAsync(fqid, None));
        Assert.Equal(
            [Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), validate],
            await Schemas.GetHistoryAsync(fqid, None));
    }

    [Fact]
    public async Task Update_of_a_missing_fqid_throws_StoreConflictException_and_records_nothing()
    {
        var fqid = V(NewSubject(), 1, 0);

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Schemas.UpdateAsync(Record(fqid, revision: 2), 1, Entry(fqid, SchemaAction.Edit, SchemaState.Draft, SchemaState.Draft), None));

        Assert.Null(await Schemas.GetAsync(fqid, None));
        Assert.Empty(await Schemas.GetHistoryAsync(fqid, None));
    }

    [Fact]
    public async Task History_entries_come_back_in_the_order_they_were_written_with_every_field()
    {
        var subject = NewSubject();
        var fqid = V(subject, 2, 3);
        var neighbour = V(subject, 2, 4);
        var record = Record(fqid);
        var entries = new List<HistoryEntry>
        {
            new(fqid, SchemaAction.Register, null, SchemaState.Draft, "key_alice", "Alice", "schema-admin", T0, null),
            new(fqid, SchemaAction.Validate, SchemaState.Draft, SchemaState.Validated, "key_alice", "Alice", "schema-admin", T0.AddSeconds(1), "checks passed"),
            new(fqid, SchemaAction.Submit, SchemaState.Validated, SchemaState.PendingApproval, "key_bob", "Bob Ünïcødé", "ops-engineer", T0.AddSeconds(2), "please review"),
            new(fqid, SchemaAction.Reject, SchemaState.PendingApproval, SchemaState.Rejected, "key_carol", "Carol", "schema-admin", T0.AddSeconds(3).AddMilliseconds(7), "Nope — see\nticket #42 \"100%\""),
            new(fqid, SchemaAction.Edit, SchemaState.Rejected, SchemaState.Draft, "key_bob", "Bob Ünïcødé", "ops-engineer", T0.AddDays(1), ""),
            new(fqid, SchemaAction.ForcePublish, SchemaState.Draft, SchemaState.Published, "key_root", "Root", "schema-admin", T0.AddDays(2), "incident 7"),
            new(fqid, SchemaAction.Deprecate, SchemaState.Published, SchemaState.Deprecated, "key_root", "Root", "schema-admin", T0.AddDays(3), null),
        };

        await Schemas.InsertAsync(record, entries[0], None);
        await InsertAsync(neighbour);
        for (var i = 1; i < entries.Count; i++)
        {
            await Schemas.UpdateAsync(record with { State = entries[i].To, Revision = i + 1 }, i, entries[i], None);
            await Schemas.UpdateAsync(Record(neighbour, revision: i + 1), i, Entry(neighbour, SchemaAction.Edit, SchemaState.Draft, SchemaState.Draft), None);
        }

        Assert.Equal(entries, await Schemas.GetHistoryAsync(fqid, None));
        Assert.Equal(entries.Count, (await Schemas.GetHistoryAsync(neighbour, None)).Count);
        Assert.Empty(await Schemas.GetHistoryAsync(V(subject, 9, 9), None));
    }

    [Fact]
    public async Task GetStatesAsync_returns_the_state_of_each_fqid_and_null_for_missing_ones()
    {
        var subject = NewSubject();
        var published = V(subject, 1, 0);
        var draft = V(subject, 1, 1);
        var missing = V(subject, 1, 2);
        var elsewhere = V(NewSubject("kpi", "revenue"), 1, 0);
        await InsertAsync(published, SchemaState.Published);
        await InsertAsync(draft);

        var states = await Schemas.GetStatesAsync([published, draft, missing, elsewhere, published], None);

        Assert.Equal(4, states.Count);
        Assert.Equal(SchemaState.Published, states[published]);
        Assert.Equal(SchemaState.Draft, states[draft]);
        Assert.True(states.ContainsKey(missing));
        Assert.Null(states[missing]);
        Assert.True(states.ContainsKey(elsewhere));
        Assert.Null(states[elsewhere]);
        Assert.Empty(await Schemas.GetStatesAsync([], None));
    }
}
