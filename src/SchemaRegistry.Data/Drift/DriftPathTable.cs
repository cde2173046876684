using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// Drift paths interned by parent path and segment bytes: a path's string (<see cref="DriftPath.Join"/>'s form) is
/// built the first time it is seen, later lookups with a UTF-8 name allocate nothing. One table per detector.
/// </summary>
internal sealed class DriftPathTable
{
    public const int Root = 0;

    /// <summary>Past this many paths (a record stream with ever new names) the table starts again, between records.</summary>
    public const int MaxPaths = 16_384;

    private readonly Dictionary<PathKey, int> _ids;
    private readonly Dictionary<PathKey, int>.AlternateLookup<PathSpan> _lookup;
    private readonly List<string> _paths = [""];

    /// <summary>Per path, its name bytes, its newest child and its next older sibling (-1: none): most parents have a
    /// few children, found by comparing bytes before any hashing.</summary>
    private readonly List<(byte[] Name, int FirstChild, int NextSibling)> _links = [([], -1, -1)];

    private const int SiblingsCompared = 8;

    /// <summary>Per path, the site last made for each kind (the common case: one expected set per path and kind).</summary>
    private readonly List<DriftSite?[]> _lastSites = [new DriftSite?[4]];
    private readonly Dictionary<(int Path, DriftKind Kind, ValueKinds Expected), DriftSite> _sites = [];

    public DriftPathTable()
    {
        _ids = new Dictionary<PathKey, int>(PathKeyComparer.Instance);
        _lookup = _ids.GetAlternateLookup<PathSpan>();
    }

    public int Count => _paths.Count;

    /// <summary>The id of <paramref name="parent"/>'s path followed by the segment <paramref name="name"/> (UTF-8, unescaped; <c>[]</c> for any element).</summary>
    public int Child(int parent, ReadOnlySpan<byte> name)
    {
        var child = _links[parent].FirstChild;
        for (var compared = 0; child >= 0 && compared < SiblingsCompared; compared++)
        {
            var link = _links[child];
            if (link.Name.AsSpan().SequenceEqual(name))
            {
                return child;
            }
            child = link.NextSibling;
        }
        if (child >= 0 && _lookup.TryGetValue(new PathSpan(parent, name), out var id))
        {
            return id;
        }
        var parentPath = _paths[parent];
        var segment = Encoding.UTF8.GetString(name);
        var path = parentPath.Length > 0 && segment != DriftPath.ArrayMarker ? parentPath + "." + segment : parentPath + segment;
        id = _paths.Count;
        _paths.Add(path);
        _lastSites.Add(new DriftSite?[4]);
        var bytes = name.ToArray();
        _ids.Add(new PathKey(parent, bytes), id);
        _links.Add((bytes, -1, _links[parent].FirstChild));
        _links[parent] = _links[parent] with { FirstChild = id };
        return id;
    }

    public DriftSite Site(int path, DriftKind kind, ValueKinds expected)
    {
        var last = _lastSites[path];
        var slot = (int)kind & 3;
        if (last[slot] is { } known && known.Kind == kind && known.Expected == expected)
        {
            return known;
        }
        if (!_sites.TryGetValue((path, kind, expected), out var site))
        {
            site = new DriftSite(kind, _paths[path], expected);
            _sites.Add((path, kind, expected), site);
        }
        last[slot] = site;
        return site;
    }

    public void Clear()
    {
        _ids.Clear();
        _sites.Clear();
        _paths.RemoveRange(1, _paths.Count - 1);
        _lastSites.RemoveRange(1, _lastSites.Count - 1);
        Array.Clear(_lastSites[0]);
        _links.RemoveRange(1, _links.Count - 1);
        _links[0] = ([], -1, -1);
    }

    private readonly record struct PathKey(int Parent, byte[] Name);

    private readonly ref struct PathSpan(int parent, ReadOnlySpan<byte> name)
    {
        public int Parent { get; } = parent;
        public ReadOnlySpan<byte> Name { get; } = name;
    }

    private sealed class PathKeyComparer : IEqualityComparer<PathKey>, IAlternateEqualityComparer<PathSpan, PathKey>
    {
        public static readonly PathKeyComparer Instance = new();

        public bool Equals(PathKey x, PathKey y) => x.Parent == y.Parent && x.Name.AsSpan().SequenceEqual(y.Name);

        public int GetHashCode(PathKey obj) => Hash(obj.Parent, obj.Name);

        public bool Equals(PathSpan alternate, PathKey other) => alternate.Parent == other.Parent && alternate.Name.SequenceEqual(other.Name);

        public int GetHashCode(PathSpan alternate) => Hash(alternate.Parent, alternate.Name);

        public PathKey Create(PathSpan alternate) => new(alternate.Parent, alternate.Name.ToArray());

        private static int Hash(int parent, ReadOnlySpan<byte> name)
        {
            var hash = new HashCode();
            hash.Add(parent);
            hash.AddBytes(name);
            return hash.ToHashCode();
        }
    }
}
