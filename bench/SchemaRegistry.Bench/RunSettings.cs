namespace SchemaRegistry.Bench;

/// <summary>How each contender is timed.</summary>
/// <param name="Passes">Timed passes after the warm-up; the best one counts.</param>
/// <param name="SubsetSize">Records timed instead of all when a full pass would take longer than <paramref name="MaxPassSeconds"/>.</param>
internal sealed record RunSettings(int Passes, int SubsetSize, double MaxPassSeconds);
