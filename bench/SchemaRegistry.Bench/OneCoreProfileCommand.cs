using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>onecore-profile</c>: where <c>data validate</c>'s time goes on one file, in process, as cumulative layers timed
/// with a Stopwatch: reading and line splitting alone, then UTF-8 checking, a token pass, the classifier (closed
/// variant, drift detection, validation) and finally <see cref="BatchValidator"/> (the command's loop, no output
/// files). Every layer runs once to warm up, then <c>--passes</c> times; the best pass is printed.
/// </summary>
internal static class OneCoreProfileCommand
{
    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var schemaPath = arguments.Required("schema");
        var dataPath = arguments.Required("data");
        var passes = arguments.Int("passes", 2, 1);
        arguments.RejectUnknown();
        var setup = DataSetup.FromFile(schemaPath, await File.ReadAllTextAsync(schemaPath));
        var mb = new FileInfo(dataPath).Length / 1e6;
        Console.WriteLine($"| Layer ({mb.ToString("N1", CultureInfo.InvariantCulture)} MB) | best wall s | MB/s | best CPU s | MB/s by CPU |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await Layer("read + split lines (NdjsonRecordReader)", _ => 0);
        await Layer("+ UTF-8 check", json => Utf8.IsValid(json) ? 1 : 0);
        await Layer("+ token pass (Utf8JsonReader)", json =>
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
            }
            return (int)reader.BytesConsumed & 1;
        });
        var classifier = setup.Contract.Classifier(DriftPolicy.Quarantine);
        await Layer("+ classify (closed variant, drift, validation)", json => (int)classifier.Classify(json));
        await Timed("BatchValidator.ValidateAsync (data validate's loop, no output files)", async () =>
        {
            await using var source = DataFiles.OpenRead(dataPath);
            await using var reader = await RecordReaders.OpenAsync(DataFormat.Ndjson, source, setup.Kinds, CancellationToken.None);
            var summary = await BatchValidator.ValidateAsync(reader, setup.Contract.Classifier(DriftPolicy.Quarantine), setup.Shape, null, null, null,
                CancellationToken.None);
            return summary.Records;
        });
        return 0;

        Task Layer(string name, Func<ReadOnlySpan<byte>, int> perRecord) => Timed(name, async () =>
        {
            await using var source = DataFiles.OpenRead(dataPath);
            await using var reader = new NdjsonRecordReader(source);
            var block = new RecordBlock();
            long sum = 0;
            while (await reader.ReadAsync(block, CancellationToken.None))
            {
                for (var i = 0; i < block.Count; i++)
                {
                    sum += perRecord(block.Json(block.Records[i]));
                }
            }
            return sum;
        });

        async Task Timed(string name, Func<Task<long>> pass)
        {
            await pass();
            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < passes; i++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await pass();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {best:0.000} | {mb / best:N0} | {bestCpu:0.000} | {mb / bestCpu:N0} |"));
        }
    }
}
