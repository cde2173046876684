namespace SchemaRegistry.Core.Naming;

/// <summary>
/// The known names closest to a misspelt one (<c>compatiblity</c> → <c>compatibility</c>,
/// <c>SchemaPublishd</c> → <c>SchemaPublished</c>), for "did you mean" hints. Case is ignored; a name is close when
/// its edit distance (with swapped neighbours as one edit) is small for its length, or one name contains the other.
/// </summary>
public static class Spelling
{
    public static IReadOnlyList<string> Closest(string misspelt, IEnumerable<string> known, int max = 3)
    {
        var wanted = misspelt.ToLowerInvariant();
        var limit = Math.Max(1, wanted.Length / 3);
        return known
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(wanted, name.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || Contains(c.Name, misspelt))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>" Did you mean X?" / " Did you mean X or Y?", or empty when nothing is close.</summary>
    public static string DidYouMean(string misspelt, IEnumerable<string> known)
    {
        var closest = Closest(misspelt, known);
        return closest.Count switch
        {
            0 => "",
            1 => $" Did you mean {closest[0]}?",
            _ => $" Did you mean {string.Join(", ", closest.Take(closest.Count - 1))} or {closest[^1]}?",
        };
    }

    private static bool Contains(string name, string misspelt) =>
        misspelt.Length >= 4 && (name.Contains(misspelt, StringComparison.OrdinalIgnoreCase) || misspelt.Contains(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], twoBack[j - 2] + 1);
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return previous[b.Length];
    }
}
