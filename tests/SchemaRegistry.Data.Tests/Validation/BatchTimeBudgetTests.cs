using System.Diagnostics;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>
/// A batch's total time budget (issue 22, point 6): past it, <see cref="BatchValidator"/> stops between two records
/// with <see cref="BatchTimeBudgetExceededException"/> saying how many it checked; under it, nothing changes.
/// </summary>
public sealed class BatchTimeBudgetTests : IDisposable
{
    private const string Schema = """{"type":"object","properties":{"code":{"type":"string","pattern":"^(?=(a|aa)+b)"}}}""";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<BatchSummary> ValidateAsync(int records, TimeSpan? budget)
    {
        var source = Path.Combine(_folder.Path, $"in-{records}.ndjson");
        await File.WriteAllLinesAsync(source, Enumerable.Range(0, records).Select(i => $"{{\"code\":\"{new string('a', 3000 + i)}\"}}"));
        var contract = CompiledDataContract.Compile(Schema, new Dictionary<string, string>(), "https://example.test/");
        await using var input = DataFiles.OpenRead(source);
        await using var reader = await RecordReaders.OpenAsync(DataFormat.Ndjson, input, contract.Shape.TopLevelKinds, CancellationToken.None);
        return await BatchValidator.ValidateAsync(reader, contract.Classifier(DriftPolicy.Quarantine), contract.Shape, null, null, null, budget, CancellationToken.None);
    }

    [Fact]
    public async Task A_batch_past_its_budget_stops_between_records_saying_how_many_it_checked()
    {
        var clock = Stopwatch.StartNew();
        var stopped = await Assert.ThrowsAsync<BatchTimeBudgetExceededException>(() => ValidateAsync(50, TimeSpan.FromSeconds(0.5)));
        clock.Stop();

        Assert.InRange(stopped.RecordsChecked, 1, 49);
        Assert.Contains($"after checking {stopped.RecordsChecked:N0} records", stopped.Message, StringComparison.Ordinal);
        // Each hostile record costs one 200 ms match timeout: the stop comes within a record or two of the budget.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_batch_within_its_budget_is_counted_in_full()
    {
        var summary = await ValidateAsync(2, TimeSpan.FromMinutes(1));

        Assert.Equal((2, 2), (summary.Records, summary.Invalid));
    }
}
