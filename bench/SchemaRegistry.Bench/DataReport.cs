using System.Globalization;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary>One row of the data benchmark's table.</summary>
/// <param name="Contender">What ran.</param>
/// <param name="Records">Records per timed pass.</param>
/// <param name="SourceBytes">Bytes of what was read: the file, or the JSON text in memory for the bare validator.</param>
/// <param name="Seconds">The pass that counts (the best one, or the only one).</param>
/// <param name="Cpus">This process's CPU time ÷ wall time in that pass; null when not measured.</param>
/// <param name="Outcome">Valid / quarantined (drifted) counts.</param>
/// <param name="Note">How it was timed and anything to know.</param>
internal sealed record DataRow(string Contender, long Records, long SourceBytes, double Seconds, double? Cpus, string Outcome, string Note)
{
    public double RecordsPerSecond => Records / Seconds;

    public double MegabytesPerSecond => SourceBytes / 1e6 / Seconds;
}

/// <summary>The Markdown the data benchmark prints and run-data.sh records.</summary>
internal static class DataReport
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Table(IReadOnlyList<DataRow> rows, double bareRecordsPerSecond)
    {
        var text = new StringBuilder();
        text.AppendLine("| Contender | Records | Source MB | Records/s | MB/s | % of bare validator | CPUs | Valid / quarantined (drifted) | Note |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var cpus = row.Cpus is { } c ? Format($"{c:0.00}") : "—";
            text.AppendLine(Format(
                $"| {row.Contender} | {row.Records:N0} | {row.SourceBytes / 1e6:N1} | {row.RecordsPerSecond:N0} | {row.MegabytesPerSecond:N1} | {100 * row.RecordsPerSecond / bareRecordsPerSecond:N1}% | {cpus} | {row.Outcome} | {row.Note} |"));
        }
        return text.ToString();
    }

    public static string Outcome(long records, long valid, long quarantined, long drifted) =>
        Format($"{valid:N0} / {quarantined:N0} ({drifted:N0}) = {100.0 * valid / records:N1}% / {100.0 * quarantined / records:N1}% ({100.0 * drifted / records:N2}%)");

    public static string Verdict(bool pass) => pass ? "PASS" : "FAIL";
}
