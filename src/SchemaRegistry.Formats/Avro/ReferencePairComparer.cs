using System.Runtime.CompilerServices;

namespace SchemaRegistry.Formats.Avro;

/// <summary>Pairs of schema nodes compared by identity: the key of "this pair is already being compared".</summary>
internal sealed class ReferencePairComparer : IEqualityComparer<(AvroType, AvroType)>
{
    public static readonly ReferencePairComparer Instance = new();

    public bool Equals((AvroType, AvroType) x, (AvroType, AvroType) y) =>
        ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

    public int GetHashCode((AvroType, AvroType) obj) =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
}
