using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Storage.Tests.Fixtures;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>
/// What every database behind <see cref="IRegistryStorage"/> must do, written once and run against each kind by a
/// tiny subclass (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>). The tests of one class share a
/// database, so each works in subjects of its own (a random domain) and asks for a fresh database when it needs one.
/// </summary>
public abstract partial class StoreConformanceTests(StoreFixture fixture)
{
    /// <summary>A timestamp with whole milliseconds, as the stores keep them.</summary>
    protected static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    protected static readonly CancellationToken None = CancellationToken.None;

    protected StoreFixture Fixture { get; } = fixture;

    protected ISchemaStore Schemas => Fixture.Storage.Schemas;

    protected IApiKeyStore Keys => Fixture.Storage.Keys;

    /// <summary>A domain no other test uses.</summary>
    protected static string NewDomain() => "d" + Guid.NewGuid().ToString("N")[..15];

    protected static SubjectName NewSubject(string layer = "raw", string entity = "orders") => new(NewDomain(), layer, entity);

    protected static Fqid V(SubjectName subject, int major, int minor) => new(subject, new SchemaVersion(major, minor));

    /// <summary>The instant a store gives back for <paramref name="value"/>: truncated to the millisecond.</summary>
    protected static DateTimeOffset Ms(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    protected static SchemaRecord Record(
        Fqid fqid,
        SchemaState state = SchemaState.Draft,
        long revision = 1,
        string owner = "team-orders",
        string description = "Orders placed in the shop",
        DateTimeOffset? updatedAt = null) =>
        new(
            new SchemaDefinition(fqid, owner, description, SchemaDefinition.JsonSchemaFormat, CompatibilityMode.Backward,
                new SortedDictionary<string, string>(StringComparer.Ordinal) { ["team"] = "orders" },
                """{"type":"object","properties":{"id":{"type":"string"}}}"""),
            state, [], "sha256:" + new string('a', 64), T0, "key_alice", updatedAt ?? T0, "key_alice", null, revision);

    protected static HistoryEntry Entry(
        Fqid fqid,
        SchemaAction action,
        SchemaState? from,
        SchemaState to,
        DateTimeOffset? at = null,
        string? comment = null) =>
        new(fqid, action, from, to, "key_alice", "Alice", "schema-admin", at ?? T0, comment);

    /// <summary>Inserts one version in <paramref name="state"/> with its register entry.</summary>
    protected async Task<SchemaRecord> InsertAsync(Fqid fqid, SchemaState state = SchemaState.Draft, DateTimeOffset? updatedAt = null,
        string owner = "team-orders", string description = "Orders placed in the shop")
    {
        var record = Record(fqid, state, owner: owner, description: description, updatedAt: updatedAt);
        await Schemas.InsertAsync(record, Entry(fqid, SchemaAction.Register, null, state), None);
        return record;
    }

    protected async Task InsertVersionsAsync(SubjectName subject, params (int Major, int Minor, SchemaState State)[] versions)
    {
        foreach (var (major, minor, state) in versions)
        {
            await InsertAsync(V(subject, major, minor), state);
        }
    }

    protected static void AssertSameRecord(SchemaRecord expected, SchemaRecord? actual)
    {
        Assert.NotNull(actual);
        var e = expected.Definition;
        var a = actual.Definition;
        Assert.Equal(e.Fqid, a.Fqid);
        Assert.Equal(e.Owner, a.Owner);
        Assert.Equal(e.Description, a.Description);
        Assert.Equal(e.Format, a.Format);
        Assert.Equal(e.Compatibility, a.Compatibility);
        Assert.Equal(
            e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
            a.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
        Assert.Equal(e.Payload, a.Payload);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(Ms(expected.CreatedAt), actual.CreatedAt);
        Assert.Equal(expected.CreatedBy, actual.CreatedBy);
        Assert.Equal(Ms(expected.UpdatedAt), actual.UpdatedAt);
        Assert.Equal(expected.UpdatedBy, actual.UpdatedBy);
        Assert.Equal(expected.SubmittedBy, actual.SubmittedBy);
        Assert.Equal(expected.Revision, actual.Revision);
    }
}
