namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>
/// The order a copy registers versions in: every version after the versions it references (so the target can resolve
/// them), otherwise by subject name and version number.
/// </summary>
internal static class CopyOrder
{
    public static IReadOnlyList<SubjectVersion> Of(IReadOnlyCollection<SubjectVersion> versions)
    {
        var byKey = versions.ToDictionary(v => v.Key);
        var placed = new HashSet<(string, int)>();
        var visiting = new HashSet<(string, int)>();
        var order = new List<SubjectVersion>(versions.Count);
        foreach (var version in versions.OrderBy(v => v.Subject, StringComparer.Ordinal).ThenBy(v => v.Version))
        {
            Visit(version);
        }
        return order;

        void Visit(SubjectVersion version)
        {
            if (placed.Contains(version.Key) || !visiting.Add(version.Key))
            {
                return; // placed already, or a reference cycle (which no registry accepts): keep the order found so far
            }
            foreach (var reference in version.References)
            {
                if (byKey.TryGetValue((reference.Subject, reference.Version), out var target))
                {
                    Visit(target);
                }
            }
            visiting.Remove(version.Key);
            placed.Add(version.Key);
            order.Add(version);
        }
    }
}
