using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// The shape of the data a schema describes, read once from the schema document (bundled, so its references are
/// local) and shared by every batch validated against it. Immutable after construction; safe across threads.
/// </summary>
public sealed class DataShape
{
    private DataShape(ShapeNode root) => Root = root;

    internal ShapeNode Root { get; }

    public static DataShape FromSchema(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson, new JsonDocumentOptions { MaxDepth = 256 });
        return FromSchema(document.RootElement);
    }

    public static DataShape FromSchema(JsonElement schema) => new(new ShapeBuilder(schema.Clone()).Build());

    /// <summary>The kinds declared for each top-level field (what a CSV column's text is parsed as).</summary>
    public IReadOnlyDictionary<string, ValueKinds> TopLevelKinds =>
        Root.Names.Select((name, i) => (name, Root.Children[i].Kinds)).ToDictionary(p => p.name, p => p.Kinds, StringComparer.Ordinal);

    /// <summary>
    /// Drift between the fields a source declares itself (a Parquet footer) and this shape, found before reading a
    /// record: declared columns the schema lacks, required fields the file lacks, columns of another type.
    /// </summary>
    public IReadOnlyList<DriftFinding> Compare(IReadOnlyList<SourceField> fields)
    {
        var findings = new List<DriftFinding>();
        var byPath = fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var (node, parent) = Find(field.Path);
            if (node is null)
            {
                if (parent is { DeclaresFields: true, Additional: null } && parent.Patterns.Count == 0)
                {
                    findings.Add(new DriftFinding(DriftKind.NewField, field.Path, field.Kinds, null));
                }
                continue;
            }
            var kinds = field.Nullable ? field.Kinds & ~ValueKinds.Null : field.Kinds;
            if ((kinds & node.Kinds) == 0)
            {
                findings.Add(new DriftFinding(DriftKind.TypeChange, field.Path, field.Kinds, null, node.Kinds));
            }
        }
        foreach (var required in Root.RequiredIndexes)
        {
            if (!byPath.ContainsKey(Root.Names[required]))
            {
                findings.Add(new DriftFinding(DriftKind.MissingField, Root.Names[required], ValueKinds.None, null, Root.Children[required].Kinds));
            }
        }
        return findings;
    }

    /// <summary>The node of a dotted path (<c>a.b</c>, <c>lines[].sku</c>) and the parent it was looked up in.</summary>
    private (ShapeNode? Node, ShapeNode? Parent) Find(string path)
    {
        ShapeNode? node = Root;
        ShapeNode? parent = null;
        foreach (var segment in DriftPath.Split(path))
        {
            if (node is null || node.AcceptsAnything)
            {
                return (node is null ? null : ShapeNode.Unconstrained(), node);
            }
            parent = node;
            node = segment == DriftPath.ArrayMarker
                ? node.Items ?? (node.PrefixItems.Count > 0 ? node.PrefixItems[0] : null)
                : node.Properties.GetValueOrDefault(segment) ?? node.Additional ?? node.MatchPattern(segment)
                  ?? (node.DeclaresFields ? null : ShapeNode.Unconstrained());
        }
        return (node, parent);
    }
}
