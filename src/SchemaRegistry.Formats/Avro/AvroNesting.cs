namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// How deep a schema's types nest once named types from references are put in place: the longest chain of records,
/// arrays, maps and unions each inside the previous one, a recursive type counted once. Each text's JSON depth is
/// bounded on its own, but references chain texts together, and every walk over a schema (compare, samples,
/// Apache.Avro's own writers) recurses once per level; this bounds them all. Computed without recursion.
/// </summary>
internal static class AvroNesting
{
    public const int MaxDepth = 256;

    public static int Depth(AvroType root)
    {
        var done = new Dictionary<AvroType, int>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<AvroType>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(AvroType Type, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (type, expanded) = stack.Pop();
            if (expanded)
            {
                onPath.Remove(type);
                done[type] = 1 + Children(type).Select(c => done.GetValueOrDefault(c)).DefaultIfEmpty(0).Max();
                continue;
            }
            if (done.ContainsKey(type) || !onPath.Add(type))
            {
                continue; // finished already, or a recursive reference back up the path
            }
            stack.Push((type, true));
            foreach (var child in Children(type).Where(c => !done.ContainsKey(c) && !onPath.Contains(c)))
            {
                stack.Push((child, false));
            }
        }
        return done[root];
    }

    private static IEnumerable<AvroType> Children(AvroType type) => type switch
    {
        AvroRecord record => record.Fields.Select(f => f.Type),
        AvroArray array => [array.Items],
        AvroMap map => [map.Values],
        AvroUnion union => union.Branches,
        _ => [],
    };
}
