using System.Text.RegularExpressions;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// Objects: per-name schemas (<c>properties</c>, then <c>patternProperties</c>, else <c>additionalProperties</c>),
/// required names, counts, <c>propertyNames</c> and dependencies.
/// </summary>
internal sealed record ObjectAtom(
    IReadOnlyDictionary<string, Lazy<Norm>> Properties,
    IReadOnlyList<(string Pattern, Lazy<Norm> Schema)> Patterns,
    Lazy<Norm> Additional,
    IReadOnlySet<string> Required,
    int MinProperties,
    int? MaxProperties,
    Lazy<Norm>? PropertyNames,
    IReadOnlyDictionary<string, IReadOnlySet<string>> DependentRequired,
    IReadOnlyDictionary<string, Lazy<Norm>> DependentSchemas) : Atom
{
    public static readonly ObjectAtom Any = new(
        new Dictionary<string, Lazy<Norm>>(), [], LazyNorm.Top, new HashSet<string>(), 0, null, null,
        new Dictionary<string, IReadOnlySet<string>>(), new Dictionary<string, Lazy<Norm>>());

    public override ValueKinds Kinds => ValueKinds.Object;

    public bool IsUnconstrained =>
        Properties.Values.All(p => ReferenceEquals(p, LazyNorm.Top)) && Patterns.All(p => ReferenceEquals(p.Schema, LazyNorm.Top)) && ReferenceEquals(Additional, LazyNorm.Top)
        && Required.Count == 0 && MinProperties == 0 && MaxProperties is null && PropertyNames is null
        && DependentRequired.Count == 0 && DependentSchemas.Count == 0;

    /// <summary>The schema a member named <paramref name="name"/> must satisfy; null when a pattern cannot be run.</summary>
    public Norm? MemberSchema(string name)
    {
        if (Properties.TryGetValue(name, out var declared))
        {
            return Norm.IntersectAll([declared.Value, .. PatternSchemas(name) ?? [Norm.Opaque(ValueKinds.All, "?", "a patternProperties pattern could not be run")]]);
        }
        if (PatternSchemas(name) is not { } matched)
        {
            return null;
        }
        return matched.Count == 0 ? Additional.Value : Norm.IntersectAll(matched);
    }

    private List<Norm>? PatternSchemas(string name)
    {
        var matched = new List<Norm>();
        foreach (var (pattern, schema) in Patterns)
        {
            var hit = Matches(pattern, name);
            if (hit is null)
            {
                return null;
            }
            if (hit == true)
            {
                matched.Add(schema.Value);
            }
        }
        return matched;
    }

    /// <summary>Runs an ECMA-262-ish pattern the way the validator does (unanchored search); null when it cannot be run.</summary>
    public static bool? Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
