using Xunit.Abstractions;

namespace SchemaRegistry.EndToEnd.Tests;

public sealed class QuarantineReplayCrashSqliteTests(ITestOutputHelper output) : QuarantineReplayCrashTests(output)
{
    [Fact]
    public Task Sigkill_during_replay_loses_and_duplicates_nothing() => KillReplaysAsync(null);
}
