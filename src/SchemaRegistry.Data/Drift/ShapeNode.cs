using System.Text;
using System.Text.RegularExpressions;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// What a (sub)schema says about the shape of data: the JSON kinds it admits and the fields it declares. Built
/// with its <c>$ref</c>s and combinators as includes, then flattened: a field declared in any branch is declared.
/// </summary>
internal sealed class ShapeNode
{
    public ValueKinds Kinds { get; set; } = ValueKinds.All;
    public Dictionary<string, ShapeNode> Properties { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary><c>additionalProperties: false</c>: no undeclared field is allowed at all.</summary>
    public bool Closed { get; set; }

    /// <summary>The schema undeclared names are validated against (<c>additionalProperties: {…}</c>): a map, not drift.</summary>
    public ShapeNode? Additional { get; set; }

    public List<(Regex Pattern, ShapeNode Node)> Patterns { get; } = [];
    public ShapeNode? Items { get; set; }
    public List<ShapeNode> PrefixItems { get; } = [];
    public List<ShapeNode> AllOf { get; } = [];
    public List<ShapeNode> AnyOf { get; } = [];

    // Filled by Seal().
    public string[] Names { get; private set; } = [];
    public ShapeNode[] Children { get; private set; } = [];
    public int[] RequiredIndexes { get; private set; } = [];
    public Utf8NameTable? NameTable { get; private set; }

    /// <summary><see cref="Names"/> as UTF-8, the form drift paths are interned by.</summary>
    public byte[][] NameBytes { get; private set; } = [];

    /// <summary>An object value is walked field by field only when the schema names its fields.</summary>
    public bool DeclaresFields { get; private set; }

    /// <summary>Nothing to check below this node: any value, no declared fields or items.</summary>
    public bool AcceptsAnything { get; private set; }

    internal int SealState { get; set; }

    public void Seal()
    {
        // Only properties (or a rule for other names) declare fields; a required name alone does not close an object.
        var names = Properties.Count > 0;
        foreach (var name in Required)
        {
            if (!Properties.ContainsKey(name))
            {
                Properties[name] = Unconstrained();
            }
        }
        Names = Properties.Keys.Order(StringComparer.Ordinal).ToArray();
        Children = Names.Select(n => Properties[n]).ToArray();
        RequiredIndexes = Names.Select((n, i) => (n, i)).Where(p => Required.Contains(p.n)).Select(p => p.i).ToArray();
        NameTable = new Utf8NameTable(Names);
        NameBytes = Names.Select(Encoding.UTF8.GetBytes).ToArray();
        DeclaresFields = names || Closed || Additional is not null || Patterns.Count > 0;
        AcceptsAnything = Kinds == ValueKinds.All && !DeclaresFields && RequiredIndexes.Length == 0 && Items is null && PrefixItems.Count == 0;
    }

    public ShapeNode? MatchPattern(string name) => MatchPattern(name.AsSpan());

    public ShapeNode? MatchPattern(ReadOnlySpan<char> name)
    {
        foreach (var (pattern, node) in Patterns)
        {
            try
            {
                if (pattern.IsMatch(name))
                {
                    return node;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return node;
            }
        }
        return null;
    }

    public static ShapeNode Unconstrained()
    {
        var node = new ShapeNode();
        node.Seal();
        node.SealState = 2;
        return node;
    }
}
