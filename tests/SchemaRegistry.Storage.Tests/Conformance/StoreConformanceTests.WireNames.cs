using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Enums are stored by their wire names, and migration 0012 rewrites history rows an older build stored by C# name.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task A_history_row_stores_its_action_by_the_wire_name_not_the_CSharp_name()
    {
        var fqid = V(NewSubject(), 1, 0);

        await Schemas.InsertAsync(Record(fqid, SchemaState.Published), Entry(fqid, SchemaAction.ForcePublish, null, SchemaState.Published), None);

        Assert.Equal(1, await Fixture.ScalarAsync(Fixture.DatabaseUrl, $"SELECT COUNT(*) FROM schema_history WHERE fqid='{fqid}' AND action='force_publish'"));
        Assert.Equal(0, await Fixture.ScalarAsync(Fixture.DatabaseUrl, $"SELECT COUNT(*) FROM schema_history WHERE fqid='{fqid}' AND action='ForcePublish'"));
    }

    [Fact]
    public async Task Migration_0012_rewrites_history_rows_stored_by_CSharp_name_so_they_read_again()
    {
        var url = await Fixture.CreateDatabaseAsync();
        var storage = await Fixture.OpenAsync(url);
        var registered = V(NewSubject(), 1, 0);
        var forced = V(NewSubject(), 1, 0);
        await storage.Schemas.InsertAsync(Record(registered), Entry(registered, SchemaAction.Register, null, SchemaState.Draft), None);
        await storage.Schemas.InsertAsync(Record(forced, SchemaState.Published), Entry(forced, SchemaAction.ForcePublish, null, SchemaState.Published), None);
        // What a build before 0012 left behind: the C# names, and no record of the migration.
        await Fixture.ScalarAsync(url, "UPDATE schema_history SET action='Register' WHERE action='register'");
        await Fixture.ScalarAsync(url, "UPDATE schema_history SET action='ForcePublish' WHERE action='force_publish'");
        await Fixture.ScalarAsync(url, "DELETE FROM schema_migrations WHERE version=12");
        await Assert.ThrowsAsync<FormatException>(() => storage.Schemas.GetHistoryAsync(forced, None));

        Assert.Equal([12], await RegistryStorage.MigrateAsync(url, None));

        Assert.Equal(0, await Fixture.ScalarAsync(url, "SELECT COUNT(*) FROM schema_history WHERE action IN ('Register', 'ForcePublish')"));
        Assert.Equal(SchemaAction.Register, Assert.Single(await storage.Schemas.GetHistoryAsync(registered, None)).Action);
        Assert.Equal(SchemaAction.ForcePublish, Assert.Single(await storage.Schemas.GetHistoryAsync(forced, None)).Action);
    }

    [Fact]
    public async Task Restoring_an_archive_of_an_older_build_rewrites_its_history_rows_to_wire_names()
    {
        var fqid = V(NewSubject(), 1, 0);
        var url = await Fixture.CreateDatabaseAsync();
        var older = await Fixture.OpenAsync(url);
        await older.Schemas.InsertAsync(Record(fqid), Entry(fqid, SchemaAction.Register, null, SchemaState.Draft), None);
        await Fixture.ScalarAsync(url, "UPDATE schema_history SET action='Register' WHERE action='register'");
        var archive = Path.Combine(Path.GetTempPath(), $"schemareg-{Guid.NewGuid():N}.archive");
        try
        {
            await using (var file = File.Create(archive))
            {
                await older.Backup.ExportAsync(file, None);
            }
            var restoredUrl = await Fixture.CreateDatabaseAsync();
            var restored = await Fixture.OpenAsync(restoredUrl);

            await restored.Backup.ImportAsync(archive, None);

            Assert.Equal(0, await Fixture.ScalarAsync(restoredUrl, "SELECT COUNT(*) FROM schema_history WHERE action='Register'"));
            Assert.Equal(SchemaAction.Register, Assert.Single(await restored.Schemas.GetHistoryAsync(fqid, None)).Action);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
