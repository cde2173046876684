namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>Collects ranges in any order and normalizes them into a <see cref="CodePointSet"/>.</summary>
internal sealed class CodePointSetBuilder
{
    private readonly List<(int First, int Last)> _items = [];

    public void Add(int first, int last)
    {
        if (first <= last)
        {
            _items.Add((first, last));
        }
    }

    public void Add(CodePointSet set)
    {
        var ranges = set.Ranges;
        for (var i = 0; i < ranges.Length; i += 2)
        {
            _items.Add((ranges[i], ranges[i + 1]));
        }
    }

    public CodePointSet ToSet()
    {
        if (_items.Count == 0)
        {
            return CodePointSet.Empty;
        }
        _items.Sort();
        var result = new List<int>(_items.Count * 2);
        var (first, last) = _items[0];
        for (var i = 1; i < _items.Count; i++)
        {
            var item = _items[i];
            if (item.First <= last + 1)
            {
                last = Math.Max(last, item.Last);
                continue;
            }
            result.Add(first);
            result.Add(last);
            (first, last) = item;
        }
        result.Add(first);
        result.Add(last);
        return CodePointSet.FromNormalized([.. result]);
    }
}
