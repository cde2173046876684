using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary>The Markdown report: the table, the three targets, and whether the validators agree.</summary>
internal static class ResultReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Key, string Label, double Needed)[] Targets =
    [
        ("ajv", "ours ≥ 4× ajv", 4.0),
        ("token", "ours ≥ 50% of the token-only pass", 0.5),
        ("njsonschema", "ours ≥ 20× NJsonSchema", 20.0),
    ];

    public static string Render(Corpus corpus, RunSettings settings, IReadOnlyList<Measurement> measurements, double? otherCpus)
    {
        var text = new StringBuilder();
        var ours = Find(measurements, "ours");
        var token = Find(measurements, "token");

        text.AppendLine(Format($"Data: {corpus.Count:N0} records, {corpus.TotalBytes / 1e6:N1} MB ({(double)corpus.TotalBytes / corpus.Count:N0} bytes per record on average){LabelSummary(corpus)}."));
        text.AppendLine(Format(
            $"Each contender: a warm-up (one full pass, more until 1 s), then the best of {settings.Passes} timed passes on one thread over records already in memory (UTF-8 byte arrays; for ajv, JS strings). In-process passes run in rounds, one pass of each contender per round. MB = 10^6 bytes of JSON text. {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC."));
        if (otherCpus is { } busy)
        {
            text.AppendLine(Format(
                $"Other processes kept {busy:0.00} of {Environment.ProcessorCount} CPUs busy on average while the in-process contenders ran{(busy >= 0.25 ? ": a disturbed run, read the ratios with care" : "")}."));
        }
        text.AppendLine();
        text.AppendLine("| Contender | Records timed | Records/s | MB/s | % of token-only | Valid | Ours ÷ this | Timed passes (s) | Note |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var m in measurements)
        {
            if (!m.Measured)
            {
                text.AppendLine($"| {m.Name} | — | — | — | — | — | — | — | {m.Note} |");
                continue;
            }
            var ofToken = token is not null ? Format($"{100 * m.RecordsPerSecond / token.RecordsPerSecond:N1}%") : "—";
            var valid = m.Valid is { } v ? Format($"{v:N0} ({100.0 * v / m.Records:N1}%)") : "n/a (no schema)";
            var ratio = ours is not null ? Format($"{ours.RecordsPerSecond / m.RecordsPerSecond:N2}×") : "—";
            var passes = string.Join(" / ", m.PassSeconds.Select(s => s.ToString("N3", Invariant)));
            text.AppendLine(Format($"| {m.Name} | {m.Records:N0} | {m.RecordsPerSecond:N0} | {m.MegabytesPerSecond:N1} | {ofToken} | {valid} | {ratio} | {passes} | {m.Note} |"));
        }

        text.AppendLine();
        text.AppendLine("Targets (records/s of ours ÷ records/s of the other):");
        text.AppendLine();
        foreach (var (key, label, needed) in Targets)
        {
            var other = Find(measurements, key);
            string verdict;
            if (ours is null)
            {
                verdict = "NOT MEASURED: our validator was not run";
            }
            else if (other is null)
            {
                verdict = $"NOT MEASURED: {key} was not run";
            }
            else
            {
                var ratio = ours.RecordsPerSecond / other.RecordsPerSecond;
                verdict = Format($"{ratio:N2}× (needed {needed:0.##}×): {(ratio >= needed ? "PASS" : "FAIL")}");
            }
            text.AppendLine($"- {label}: {verdict}");
        }

        text.AppendLine();
        text.AppendLine("Validity agreement:");
        text.AppendLine();
        foreach (var line in AgreementReport.Lines(corpus, measurements))
        {
            text.AppendLine(line);
        }
        return text.ToString();
    }

    private static Measurement? Find(IReadOnlyList<Measurement> measurements, string key) =>
        measurements.FirstOrDefault(m => m.Key == key && m.Measured);

    private static string LabelSummary(Corpus corpus)
    {
        if (corpus.Labels is null)
        {
            return ", no labels file";
        }
        var valid = corpus.Labels.Count(l => l == GeneratedInvoice.ValidLabel);
        return Format($"; {valid:N0} ({100.0 * valid / corpus.Count:N1}%) valid by the generator's labels");
    }

    private static string Format(FormattableString value) => value.ToString(Invariant);
}
