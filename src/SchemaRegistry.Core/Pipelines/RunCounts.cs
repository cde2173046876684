namespace SchemaRegistry.Core.Pipelines;

/// <summary>Record counts of a batch or a whole run.</summary>
public sealed record RunCounts(int Batches, long Records, long Valid, long Invalid, long Drifted, long Rescued, long Quarantined)
{
    public static readonly RunCounts Zero = new(0, 0, 0, 0, 0, 0, 0);

    public RunCounts Add(RunCounts other) => new(
        Batches + other.Batches, Records + other.Records, Valid + other.Valid, Invalid + other.Invalid,
        Drifted + other.Drifted, Rescued + other.Rescued, Quarantined + other.Quarantined);
}
