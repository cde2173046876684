using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>
/// Compares each validator's per-record verdicts with the generator's labels and with each other, so a fast
/// validator that accepts too much, or two validators reading the schema differently, shows up next to the speed.
/// </summary>
internal static class AgreementReport
{
    private const int ExamplesPerGroup = 2;
    private const int GroupsShown = 8;
    private const int LabelChars = 140;

    public static IEnumerable<string> Lines(Corpus corpus, IReadOnlyList<Measurement> measurements)
    {
        var validators = measurements.Where(m => m.Verdicts is not null).ToList();
        if (validators.Count == 0)
        {
            yield return "- No validator was run.";
            yield break;
        }

        if (corpus.Labels is { } labels)
        {
            var expected = labels.Select(l => l == GeneratedInvoice.ValidLabel).ToArray();
            foreach (var m in validators)
            {
                foreach (var line in Compare(corpus, Short(m), m.Verdicts!, "the generator's labels", expected, m.Records))
                {
                    yield return line;
                }
            }
        }

        for (var i = 0; i < validators.Count; i++)
        {
            for (var j = i + 1; j < validators.Count; j++)
            {
                var (a, b) = (validators[i], validators[j]);
                var common = Math.Min(a.Records, b.Records);
                foreach (var line in Compare(corpus, Short(a), a.Verdicts!, Short(b), b.Verdicts!, common))
                {
                    yield return line;
                }
            }
        }
    }

    private static IEnumerable<string> Compare(Corpus corpus, string left, bool[] leftVerdicts, string right, bool[] rightVerdicts, int count)
    {
        var differing = Enumerable.Range(0, count).Where(i => leftVerdicts[i] != rightVerdicts[i]).ToList();
        var leftOnly = differing.Count(i => leftVerdicts[i]);
        if (differing.Count == 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"- {left} vs {right}: agree on all {count:N0} records.");
            yield break;
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"- {left} vs {right}: **{differing.Count:N0} of {count:N0} records differ** ({leftOnly:N0} valid only for {left}, {differing.Count - leftOnly:N0} valid only for {right}).");
        if (corpus.Labels is not { } labels)
        {
            yield break;
        }

        var groups = differing
            .GroupBy(i => $"{Kinds(labels[i])}, valid for {(leftVerdicts[i] ? left : right)}")
            .OrderByDescending(g => g.Count())
            .ToList();
        foreach (var group in groups.Take(GroupsShown))
        {
            var examples = group.Take(ExamplesPerGroup).Select(i => $"line {i + 1}: {Truncate(labels[i])}");
            yield return string.Create(CultureInfo.InvariantCulture, $"  - {group.Key}: {group.Count():N0} (e.g. {string.Join("; ", examples)})");
        }
        if (groups.Count > GroupsShown)
        {
            yield return $"  - … and {groups.Count - GroupsShown} more kinds";
        }
    }

    /// <summary>"BadDate(issue_date=…) + ExtraProperty(…)" becomes "BadDate + ExtraProperty".</summary>
    private static string Kinds(string label) =>
        label == GeneratedInvoice.ValidLabel
            ? "labelled valid"
            : string.Join(" + ", label.Split(" + ").Select(part => part.Split('(')[0]));

    private static string Truncate(string label) =>
        (label.Length <= LabelChars ? label : label[..LabelChars] + "…").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Short(Measurement m) => m.Key switch
    {
        "ours" => "ours",
        "njsonschema" => "NJsonSchema",
        "ajv" => "ajv",
        _ => m.Key,
    };
}
