using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

public sealed class QuarantineReplayCrashPostgresTests(ITestOutputHelper output) : QuarantineReplayCrashTests(output)
{
    [Fact]
    public async Task Sigkill_during_replay_loses_and_duplicates_nothing()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await KillReplaysAsync(database);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
