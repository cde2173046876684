using System.Globalization;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary><c>generate</c>: writes the NDJSON data file and, next to it, FILE.labels with what each record should be.</summary>
internal static class GenerateCommand
{
    public static int Run(CommandArguments arguments)
    {
        var output = arguments.Required("out");
        var count = arguments.Int("count", 200_000, 1);
        var seed = arguments.Int("seed", 42, 0);
        var invalidPercent = arguments.Int("invalid-percent", 50, 0);
        arguments.RejectUnknown();
        if (invalidPercent > 100)
        {
            throw new ArgumentException("Option --invalid-percent must be at most 100.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var labelsPath = Corpus.LabelsPath(output);
        // Written under temporary names and renamed at the end, so an interrupted run leaves no half file behind.
        var partialData = output + ".partial";
        var partialLabels = labelsPath + ".partial";

        var generator = new InvoiceGenerator(seed, invalidPercent / 100.0);
        var sizes = new int[count];
        var valid = 0;
        var defects = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using (var data = new FileStream(partialData, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var labels = new StreamWriter(partialLabels, false, new UTF8Encoding(false), 1 << 16))
        {
            for (var i = 0; i < count; i++)
            {
                var invoice = generator.Next(i);
                data.Write(invoice.Json);
                data.WriteByte((byte)'\n');
                labels.Write(invoice.Label);
                labels.Write('\n');
                sizes[i] = invoice.Json.Length;
                if (invoice.IsValid)
                {
                    valid++;
                }
                else
                {
                    foreach (var part in invoice.Label.Split(" + "))
                    {
                        var kind = part[..part.IndexOf('(', StringComparison.Ordinal)];
                        defects[kind] = defects.GetValueOrDefault(kind) + 1;
                    }
                }
            }
        }
        File.Move(partialData, output, overwrite: true);
        File.Move(partialLabels, labelsPath, overwrite: true);

        Array.Sort(sizes);
        var total = sizes.Sum(s => (long)s) + count;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"Wrote {count:N0} records ({total / 1e6:N1} MB) to {output}, labels to {labelsPath}."));
        Console.WriteLine(string.Create(culture,
            $"Record bytes: mean {sizes.Average():N0}, min {sizes[0]:N0}, median {sizes[count / 2]:N0}, p95 {sizes[(int)(count * 0.95)]:N0}, max {sizes[^1]:N0}."));
        Console.WriteLine(string.Create(culture, $"Valid: {valid:N0} ({100.0 * valid / count:N1}%). Defects put in:"));
        foreach (var (kind, n) in defects.OrderByDescending(d => d.Value))
        {
            Console.WriteLine(string.Create(culture, $"  {kind,-22} {n,8:N0}"));
        }
        return 0;
    }
}
