namespace SchemaRegistry.Bench;

/// <summary>
/// One contender's result. <see cref="Seconds"/> is the best timed pass over <see cref="Records"/> records;
/// <see cref="Verdicts"/> holds each of those records' validity (null when the contender checks no schema).
/// </summary>
internal sealed record Measurement(
    string Key,
    string Name,
    int Records,
    long Bytes,
    double Seconds,
    IReadOnlyList<double> PassSeconds,
    int? Valid,
    bool[]? Verdicts,
    string? Note)
{
    public bool Measured => Seconds > 0;

    public double RecordsPerSecond => Records / Seconds;

    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public static Measurement NotRun(string key, string name, string why) => new(key, name, 0, 0, 0, [], null, null, why);
}
