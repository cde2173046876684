using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>An instance with its hand-checked validity under the old and the new schema.</summary>
internal sealed record Instance(string Json, bool ValidOld, bool ValidNew);

/// <summary>
/// One row of the compatibility table: expected change kinds (as a multiset) and the expected overall verdicts
/// (false if any change is false, otherwise null if any is null, otherwise true).
/// </summary>
internal sealed record DiffCase(string Name, string Old, string New, ChangeKind[] Kinds, bool? Backward, bool? Forward, Instance[] Instances)
{
    public override string ToString() => Name;
}
