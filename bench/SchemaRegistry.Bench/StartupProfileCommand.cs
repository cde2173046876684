using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>startup-profile</c>: the steps of a cold <c>data validate</c> on a small batch, each timed once in a fresh
/// process (run it as its own process: the first call of each step pays its JIT): compiling the schema, its closed
/// variant, the data shape, then validating the batch.
/// </summary>
internal static class StartupProfileCommand
{
    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var schemaPath = arguments.Required("schema");
        var dataPath = arguments.Required("data");
        arguments.RejectUnknown();
        var since = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process start to Main: {(DateTime.UtcNow - since).TotalMilliseconds:0} ms"));
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU before Main: {cpu.TotalMilliseconds:0} ms"));
        void Step(string name)
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {clock.Elapsed.TotalMilliseconds:0.0} ms wall, {(now - cpu).TotalMilliseconds:0} ms CPU"));
            cpu = now;
            clock.Restart();
        }
        var text = await File.ReadAllTextAsync(schemaPath);
        using var document = JsonDocument.Parse(text);
        Step("read and parse the schema");
        var schema = CompiledSchema.Compile(document.RootElement, null, new Uri(Path.GetFullPath(schemaPath)));
        Step("compile the schema");
        var closedText = ClosedSchema.Close(text);
        Step("close it");
        var closed = CompiledSchema.Compile(closedText, null, new Uri(Path.GetFullPath(schemaPath)));
        Step("compile the closed variant");
        var shape = DataShape.FromSchema(document.RootElement);
        Step("data shape");
        var contract = new CompiledDataContract(schema, closed, shape);
        await using var source = DataFiles.OpenRead(dataPath);
        await using var reader = await RecordReaders.OpenAsync(DataFormat.Ndjson, source, shape.TopLevelKinds, CancellationToken.None);
        Step("open the reader");
        var summary = await BatchValidator.ValidateAsync(reader, contract.Classifier(DriftPolicy.Quarantine), shape, null, null, null, CancellationToken.None);
        Step($"validate {summary.Records} records");
        var response = BatchReports.ToResponse(summary, null, 0, "x", null, null, false, summary.Failed);
        Step("report");
        return response.Records > 0 ? 0 : 1;
    }
}
