namespace SchemaRegistry.Core.Naming;

/// <summary>The configured pipeline layers a subject's middle part must name.</summary>
public sealed class Layers
{
    public static readonly Layers Default = new(["extractor", "raw", "gdp", "kpi"]);

    private readonly HashSet<string> _names;

    public Layers(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.Ordinal);
        if (_names.Count == 0)
        {
            throw new ArgumentException("At least one layer must be configured.", nameof(names));
        }
        foreach (var name in _names)
        {
            if (!SubjectName.IsValidPart(name))
            {
                throw new ArgumentException($"Layer '{name}' is not a valid name part.", nameof(names));
            }
        }
    }

    public IReadOnlyCollection<string> Names => _names;

    public bool Contains(string layer) => _names.Contains(layer);
}
