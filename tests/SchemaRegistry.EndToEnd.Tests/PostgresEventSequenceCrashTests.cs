using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary><see cref="EventSequenceCrashTests"/> on PostgreSQL.</summary>
public sealed class PostgresEventSequenceCrashTests(ITestOutputHelper output) : EventSequenceCrashTests(output)
{
    [Fact]
    public async Task Sigkill_at_20_random_points_leaves_sequences_1_to_n_and_the_ledger_in_step_on_postgres()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await KillAtRandomPointsAsync(database);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
