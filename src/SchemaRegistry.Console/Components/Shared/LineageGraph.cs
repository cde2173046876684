namespace SchemaRegistry.Ui.Components.Shared;

/// <summary>
/// A three-column lineage layout computed on the server (schemas → pipelines → runs): node positions and the edges
/// between them, drawn as SVG by the lineage page with no script.
/// </summary>
internal sealed class LineageGraph
{
    public const int Row = 30;
    public const int ColumnWidth = 300;
    public const int NodeWidth = 260;
    public const int Top = 30;

    public sealed record Node(string Id, string Label, string Href, int Column, int Index, string Kind)
    {
        public int X => 10 + (Column * ColumnWidth);
        public int Y => Top + (Index * Row);
    }

    public sealed record Edge(Node From, Node To, bool Pin);

    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[3];
    private readonly List<Edge> _edges = [];

    public IEnumerable<Node> Nodes => _nodes.Values;

    public IReadOnlyList<Edge> Edges => _edges;

    public int Height => Top + (Math.Max(1, _counts.Max()) * Row);

    public static int Width => (3 * ColumnWidth) + 10;

    public Node Add(int column, string id, string label, string href, string kind)
    {
        if (_nodes.TryGetValue(id, out var existing))
        {
            return existing;
        }
        var node = new Node(id, label, href, column, _counts[column]++, kind);
        _nodes.Add(id, node);
        return node;
    }

    public void Connect(Node from, Node to, bool pin = false)
    {
        if (!_edges.Any(e => e.From == from && e.To == to))
        {
            _edges.Add(new Edge(from, to, pin));
        }
    }
}
