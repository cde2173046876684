using System.Globalization;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Opening a database migrates it, once.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Opening_the_same_database_again_keeps_its_data_and_applies_no_migration()
    {
        var fqid = V(NewSubject(), 1, 0);
        var record = await InsertAsync(fqid, SchemaState.Published);

        var again = await Fixture.OpenAsync(Fixture.DatabaseUrl);

        AssertSameRecord(record, await again.Schemas.GetAsync(fqid, None));
        Assert.True(await again.PingAsync(None));
        Assert.Empty(await RegistryStorage.MigrateAsync(Fixture.DatabaseUrl, None));
        await AssertOneMigrationRowPerScriptAsync(Fixture.DatabaseUrl);
    }

    [Fact]
    public async Task Schema_migrations_has_one_row_per_script()
    {
        await AssertOneMigrationRowPerScriptAsync(Fixture.DatabaseUrl);
    }

    [Fact]
    public async Task A_fresh_database_is_migrated_by_every_script_once_and_then_left_alone()
    {
        var url = await Fixture.CreateDatabaseAsync();

        Assert.Equal(ScriptVersions(), await RegistryStorage.MigrateAsync(url, None));
        Assert.Empty(await RegistryStorage.MigrateAsync(url, None));
        var storage = await Fixture.OpenAsync(url);

        Assert.True(await storage.PingAsync(None));
        Assert.False(await storage.Keys.AnyAsync(None));
        await AssertOneMigrationRowPerScriptAsync(url);
    }

    [Fact]
    public async Task Opening_a_fresh_database_from_several_places_at_once_migrates_it_once()
    {
        var url = await Fixture.CreateDatabaseAsync();

        var storages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Fixture.OpenAsync(url))));

        Assert.All(storages, s => Assert.NotNull(s.Schemas));
        await AssertOneMigrationRowPerScriptAsync(url);
        var fqid = V(NewSubject(), 1, 0);
        var record = Record(fqid);
        await storages[0].Schemas.InsertAsync(record, Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), None);
        AssertSameRecord(record, await storages[^1].Schemas.GetAsync(fqid, None));
    }

    [Fact]
    public async Task PingAsync_answers_true_for_an_open_database()
    {
        Assert.True(await Fixture.Storage.PingAsync(None));
    }

    /// <summary>The versions of the dialect's embedded scripts, ascending.</summary>
    private List<int> ScriptVersions()
    {
        var prefix = $"migrations/{Fixture.Dialect}/";
        var versions = typeof(RegistryStorage).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => int.Parse(n[prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        Assert.NotEmpty(versions);
        return versions;
    }

    private async Task AssertOneMigrationRowPerScriptAsync(string databaseUrl)
    {
        var versions = ScriptVersions();
        Assert.Equal(versions.Count, await Fixture.ScalarAsync(databaseUrl, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(versions.Count, await Fixture.ScalarAsync(databaseUrl, "SELECT COUNT(DISTINCT version) FROM schema_migrations"));
        Assert.Equal(versions.Min(), await Fixture.ScalarAsync(databaseUrl, "SELECT MIN(version) FROM schema_migrations"));
        Assert.Equal(versions.Max(), await Fixture.ScalarAsync(databaseUrl, "SELECT MAX(version) FROM schema_migrations"));
    }
}
