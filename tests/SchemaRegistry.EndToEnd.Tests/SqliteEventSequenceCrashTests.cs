using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

/// <summary><see cref="EventSequenceCrashTests"/> on SQLite.</summary>
public sealed class SqliteEventSequenceCrashTests(ITestOutputHelper output) : EventSequenceCrashTests(output)
{
    [Fact]
    public Task Sigkill_at_20_random_points_leaves_sequences_1_to_n_and_the_ledger_in_step_on_sqlite() => KillAtRandomPointsAsync(null);
}
