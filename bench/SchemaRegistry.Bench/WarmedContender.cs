namespace SchemaRegistry.Bench;

/// <summary>A contender after its probe and warm-up: how many records its timed passes cover and its verdicts on them.</summary>
internal sealed record WarmedContender(Contender Contender, int Count, bool[] Verdicts, int ExpectedValid, string? Note)
{
    public List<double> PassSeconds { get; } = [];
}
