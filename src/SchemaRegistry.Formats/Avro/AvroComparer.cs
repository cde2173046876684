using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Compares two Avro schemas by the specification's resolution rules, change by change. Backward is "a reader with
/// the new schema reads data written with the old one", Forward the mirror; each change's verdicts are the rule for
/// that change alone, so the conjunction over all changes is the verdict for the schema. Named types already being
/// compared further up are not compared again (recursive records).
/// </summary>
internal sealed partial class AvroComparer
{
    private readonly List<SchemaChange> changes = [];
    private readonly HashSet<(AvroType, AvroType)> active = new(ReferencePairComparer.Instance);

    public static SchemaDiff Compare(AvroType older, AvroType newer)
    {
        var comparer = new AvroComparer();
        comparer.Node(older, newer, AvroPath.Root);
        return new SchemaDiff(comparer.changes);
    }

    private void Add(ChangeKind kind, AvroPath path, string? old, string? @new, bool backward, bool forward, string reason, string? example = null) =>
        changes.Add(new SchemaChange(kind, path.ToString(), old, @new, backward, forward, reason, backward && forward ? null : example));

    private static string Json(AvroType type) => JsonText.Quote(AvroDescription.Of(type));

    private void Node(AvroType o, AvroType n, AvroPath path)
    {
        switch (o, n)
        {
            case (AvroUnion ou, AvroUnion nu):
                Unions(ou, nu, path);
                return;
            case (_, AvroUnion nu):
                BecameUnion(o, nu, path);
                return;
            case (AvroUnion ou, _):
                StoppedBeingUnion(ou, n, path);
                return;
        }
        if (o.Kind != n.Kind)
        {
            KindChanged(o, n, path);
        }
        else
        {
            switch (o, n)
            {
                case (AvroNamed on, AvroNamed nn):
                    Named(on, nn, path);
                    break;
                case (AvroArray oa, AvroArray na):
                    Node(oa.Items, na.Items, path.Then("/items"));
                    break;
                case (AvroMap om, AvroMap nm):
                    Node(om.Values, nm.Values, path.Then("/values"));
                    break;
            }
        }
        Logical(o, n, path);
        Properties(o.Properties, n.Properties, path);
    }

    private void KindChanged(AvroType o, AvroType n, AvroPath path)
    {
        var backward = o is AvroPrimitive && n is AvroPrimitive && AvroResolution.Promotes(o.Kind, n.Kind);
        var forward = o is AvroPrimitive && n is AvroPrimitive && AvroResolution.Promotes(n.Kind, o.Kind);
        var (kind, reason) = (backward, forward) switch
        {
            (true, true) => (ChangeKind.TypeChanged,
                $"The type changed from {o.Kind} to {n.Kind}; Avro resolves string and bytes into each other, so data of either reads with the other."),
            (true, false) => (ChangeKind.TypeWidened,
                $"The type was promoted from {o.Kind} to {n.Kind}: a reader with the new schema promotes old data, but a reader with the old schema cannot read {n.Kind} data."),
            (false, true) => (ChangeKind.TypeNarrowed,
                $"The type was narrowed from {o.Kind} to {n.Kind}: {o.Kind} data written with the old schema cannot be read as {n.Kind}; a reader with the old schema promotes new data."),
            _ => (ChangeKind.TypeChanged,
                $"The type changed from {AvroDescription.Of(o)} to {AvroDescription.Of(n)}, which Avro cannot resolve in either direction."),
        };
        Add(kind, path, Json(o), Json(n), backward, forward, reason, !backward ? AvroSampler.Sample(o) : AvroSampler.Sample(n));
    }
}
