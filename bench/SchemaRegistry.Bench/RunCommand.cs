using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary><c>run</c>: measures every contender on the same data file and prints the Markdown report.</summary>
internal static class RunCommand
{
    private static readonly string[] Keys = ["token", "parse", "ours", "njsonschema", "ajv"];

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var schemaPath = arguments.Required("schema");
        var dataPath = arguments.Required("data");
        var settings = new RunSettings(
            arguments.Int("passes", 3, 1),
            arguments.Int("subset", 20_000, 1),
            arguments.Int("max-pass-seconds", 60, 1));
        var ajvScript = arguments.Optional("ajv", Path.Combine("bench", "ajv", "validate.mjs"));
        var node = arguments.Optional("node", "node");
        var skip = arguments.Optional("skip", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var markdownPath = arguments.Optional("markdown");
        arguments.RejectUnknown();
        var unknownKeys = skip.Except(Keys).ToList();
        if (unknownKeys.Count > 0)
        {
            throw new ArgumentException($"Unknown contender(s) in --skip: {string.Join(", ", unknownKeys)}; known: {string.Join(", ", Keys)}.");
        }

        var schemaText = await File.ReadAllTextAsync(schemaPath);
        Console.Error.WriteLine($"Loading {dataPath} …");
        var corpus = Corpus.Load(dataPath);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.Count:N0} records, {corpus.TotalBytes / 1e6:N1} MB in memory; {settings.Passes} timed passes each after a warm-up."));

        var notRun = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        var contenders = new List<Contender>();
        Add(new TokenOnlyContender());
        Add(new ParseOnlyContender());
        const string oursName = "(b) ours: SchemaRegistry.JsonSchema";
        if (skip.Contains("ours"))
        {
            notRun["ours"] = Measurement.NotRun("ours", oursName, "skipped (--skip)");
        }
        else
        {
            contenders.Add(OurValidator.Create(schemaText));
        }
        if (skip.Contains("njsonschema"))
        {
            notRun["njsonschema"] = Measurement.NotRun("njsonschema", $"(c) NJsonSchema {NJsonSchemaContender.Version}", "skipped (--skip)");
        }
        else
        {
            contenders.Add(await NJsonSchemaContender.CreateAsync(schemaText));
        }

        var otherCpu = OtherCpuUse.Start();
        var measured = InProcessMeasurer.Measure(contenders, corpus, settings).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var otherCpus = otherCpu?.AverageCpus();

        if (skip.Contains("ajv"))
        {
            notRun["ajv"] = Measurement.NotRun("ajv", "(d) ajv", "skipped (--skip)");
        }
        else
        {
            Console.Error.WriteLine($"Measuring (d) ajv: {node} --expose-gc {ajvScript} (its own warm-up and {settings.Passes} timed passes) …");
            var ajv = await AjvRunner.MeasureAsync(node, ajvScript, schemaPath, corpus, settings);
            (ajv.Measured ? measured : notRun)["ajv"] = ajv;
        }

        var rows = Keys.Select(k => measured.GetValueOrDefault(k) ?? notRun[k]).ToList();
        var report = ResultReport.Render(corpus, settings, rows, otherCpus);
        Console.WriteLine(report);
        if (markdownPath is not null)
        {
            await File.WriteAllTextAsync(markdownPath, report);
        }
        return 0;

        void Add(Contender contender)
        {
            if (skip.Contains(contender.Key))
            {
                notRun[contender.Key] = Measurement.NotRun(contender.Key, contender.Name, "skipped (--skip)");
            }
            else
            {
                contenders.Add(contender);
            }
        }
    }
}
