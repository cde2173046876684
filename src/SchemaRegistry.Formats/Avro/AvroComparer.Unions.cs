using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Avro;

internal sealed partial class AvroComparer
{
    /// <summary>
    /// The branch of <paramref name="candidates"/> that is the same type as <paramref name="type"/>: the same kind
    /// and, for named types, a matching name (or alias either way); failing that, one it matches by promotion.
    /// </summary>
    private static AvroType? Counterpart(IEnumerable<AvroType> candidates, AvroType type)
    {
        var list = candidates as IReadOnlyList<AvroType> ?? candidates.ToList();
        return list.FirstOrDefault(c => c.Kind == type.Kind && (type is not AvroNamed named || ((AvroNamed)c).FullName == named.FullName))
            ?? list.FirstOrDefault(c => c.Kind == type.Kind && (type is not AvroNamed
                || AvroResolution.NamesMatch((AvroNamed)c, (AvroNamed)type) || AvroResolution.NamesMatch((AvroNamed)type, (AvroNamed)c)))
            ?? list.FirstOrDefault(c => AvroResolution.Matches(c, type) || AvroResolution.Matches(type, c));
    }

    private void Unions(AvroUnion o, AvroUnion n, AvroPath path)
    {
        var paired = new HashSet<AvroType>(ReferenceEqualityComparer.Instance);
        foreach (var branch in o.Branches)
        {
            var match = Counterpart(n.Branches.Where(b => !paired.Contains(b)), branch);
            if (match is not null && match.Kind == branch.Kind)
            {
                paired.Add(match);
                Node(branch, match, path.Branch(match));
                continue;
            }
            var readable = n.Branches.Any(b => AvroResolution.Matches(b, branch) && AvroResolution.Reads(b, branch));
            Add(ChangeKind.UnionBranchRemoved, path.Branch(branch), Json(branch), null, readable, true,
                readable
                    ? $"The union lost its {branch.Label} branch, but old {branch.Label} data is promoted into another branch of the new union."
                    : $"The union lost its {branch.Label} branch: old data written in that branch cannot be read with the new schema.",
                AvroSampler.InUnion(branch));
        }
        foreach (var branch in n.Branches.Where(b => !paired.Contains(b)))
        {
            var readable = o.Branches.Any(b => AvroResolution.Matches(b, branch) && AvroResolution.Reads(b, branch));
            Add(ChangeKind.UnionBranchAdded, path.Branch(branch), null, Json(branch), true, readable,
                readable
                    ? $"The union gained a {branch.Label} branch, whose data a reader with the old schema promotes into one of its branches."
                    : $"The union gained a {branch.Label} branch: a reader with the old schema cannot read new data written in it.",
                AvroSampler.InUnion(branch));
        }
    }

    private void BecameUnion(AvroType o, AvroUnion n, AvroPath path)
    {
        var match = Counterpart(n.Branches, o);
        var unreadable = n.Branches.Where(b => !ReferenceEquals(b, match) && !AvroResolution.Reads(o, b)).ToList();
        var backward = match is not null && AvroResolution.Matches(match, o);
        var forward = unreadable.Count == 0;
        var reason = (backward ? $"The {o.Kind} became a union whose {match!.Label} branch matches old data"
                : $"The {o.Kind} became a union with no branch that reads old {o.Kind} data")
            + (forward ? "; a reader with the old schema reads every branch." : $"; a reader with the old schema cannot read new data written in its {unreadable[0].Label} branch.");
        Add(ChangeKind.TypeBecameUnion, path, Json(o), Json(n), backward, forward, reason,
            backward ? AvroSampler.InUnion(unreadable[0]) : AvroSampler.Sample(o));
        if (match is not null)
        {
            Node(o, match, path.Branch(match));
        }
    }

    private void StoppedBeingUnion(AvroUnion o, AvroType n, AvroPath path)
    {
        var match = Counterpart(o.Branches, n);
        var unreadable = o.Branches.Where(b => !ReferenceEquals(b, match) && !AvroResolution.Reads(n, b)).ToList();
        var backward = unreadable.Count == 0;
        var forward = match is not null && AvroResolution.Matches(match, n);
        var reason = (backward ? $"The union became a {n.Kind} that reads every old branch"
                : $"The union became a {n.Kind}: old data written in its {unreadable[0].Label} branch cannot be read with the new schema")
            + (forward ? $"; a reader with the old schema reads new data through its {match!.Label} branch." : "; no branch of the old union matches new data.");
        Add(ChangeKind.UnionBecameType, path, Json(o), Json(n), backward, forward, reason,
            backward ? AvroSampler.Sample(n) : AvroSampler.InUnion(unreadable[0]));
        if (match is not null)
        {
            Node(match, n, path);
        }
    }
}
