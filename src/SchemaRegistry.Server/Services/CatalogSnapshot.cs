using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// One immutable state of <see cref="SchemaCatalog"/>: every subject's versions and the indexes read by the console
/// (subjects in ordinal name order, subjects by declared field path, versions by state and by referenced FQID).
/// </summary>
internal sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = Of(new Dictionary<string, IReadOnlyList<CatalogVersion>>(StringComparer.Ordinal));

    private readonly Dictionary<string, List<string>> _subjectsByField;

    private CatalogSnapshot(IReadOnlyDictionary<string, IReadOnlyList<CatalogVersion>> subjects, string[] ordered,
        Dictionary<string, List<string>> subjectsByField, IReadOnlyDictionary<SchemaState, IReadOnlyList<CatalogVersion>> byState,
        IReadOnlyDictionary<string, IReadOnlyList<CatalogVersion>> referencedBy)
    {
        Subjects = subjects;
        Ordered = ordered;
        _subjectsByField = subjectsByField;
        ByState = byState;
        ReferencedBy = referencedBy;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<CatalogVersion>> Subjects { get; }

    /// <summary>Subject names in ordinal order.</summary>
    public IReadOnlyList<string> Ordered { get; }

    /// <summary>Versions by state, least recently changed first.</summary>
    public IReadOnlyDictionary<SchemaState, IReadOnlyList<CatalogVersion>> ByState { get; }

    /// <summary>Versions by an FQID their payload references (each referencing version once).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CatalogVersion>> ReferencedBy { get; }

    public static CatalogSnapshot Of(IReadOnlyDictionary<string, IReadOnlyList<CatalogVersion>> subjects)
    {
        var ordered = subjects.Keys.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byState = new Dictionary<SchemaState, List<CatalogVersion>>();
        var referencedBy = new Dictionary<string, List<CatalogVersion>>(StringComparer.Ordinal);
        foreach (var subject in ordered)
        {
            foreach (var version in subjects[subject])
            {
                foreach (var field in version.Fields)
                {
                    if (!byField.TryGetValue(field, out var holders))
                    {
                        byField[field] = holders = [];
                    }
                    // Subjects are visited in order, so a subject already listed is the last one.
                    if (holders.Count == 0 || !ReferenceEquals(holders[^1], subject))
                    {
                        holders.Add(subject);
                    }
                }
                Add(byState, version.State, version);
                foreach (var reference in version.References.Distinct(StringComparer.Ordinal))
                {
                    Add(referencedBy, reference, version);
                }
            }
        }
        foreach (var versions in byState.Values)
        {
            versions.Sort((a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : string.CompareOrdinal(a.Fqid, b.Fqid));
        }
        return new CatalogSnapshot(subjects, ordered, byField,
            byState.ToDictionary(p => p.Key, p => (IReadOnlyList<CatalogVersion>)p.Value),
            referencedBy.ToDictionary(p => p.Key, p => (IReadOnlyList<CatalogVersion>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>Subjects (in name order) with a version declaring a field path that contains <paramref name="field"/>, ignoring case.</summary>
    public IReadOnlyList<string> WithField(string field)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, holders) in _subjectsByField)
        {
            if (path.Contains(field, StringComparison.OrdinalIgnoreCase))
            {
                found.UnionWith(holders);
            }
        }
        var subjects = found.ToArray();
        Array.Sort(subjects, StringComparer.Ordinal);
        return subjects;
    }

    private static void Add<TKey>(Dictionary<TKey, List<CatalogVersion>> index, TKey key, CatalogVersion version)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(version);
    }
}
