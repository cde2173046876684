namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// The annotation that unevaluatedProperties/unevaluatedItems need: which members of the current object (by the
/// ordinal of the property in document order) or array (by index) some keyword evaluated. Only built when a
/// schema uses the unevaluated keywords.
/// </summary>
internal sealed class Evaluated
{
    private ulong _low;
    private HashSet<int>? _high;

    public bool All { get; private set; }

    public void Add(int ordinal)
    {
        if (ordinal < 64)
        {
            _low |= 1UL << ordinal;
        }
        else
        {
            (_high ??= []).Add(ordinal);
        }
    }

    public void AddAll() => All = true;

    public bool Contains(int ordinal) =>
        All || (ordinal < 64 ? (_low & (1UL << ordinal)) != 0 : _high?.Contains(ordinal) == true);

    public void UnionWith(Evaluated other)
    {
        All |= other.All;
        _low |= other._low;
        if (other._high is { } high)
        {
            (_high ??= []).UnionWith(high);
        }
    }
}
