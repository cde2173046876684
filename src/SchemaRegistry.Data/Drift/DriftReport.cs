using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Data.Drift;

/// <summary>Drift aggregated per field path and kind over a batch: how often, where first, a few sample values.</summary>
public sealed class DriftReport
{
    public const int MaxSamples = 5;

    private readonly Dictionary<(string Path, DriftKind Kind), DriftFieldStats> _fields = [];

    public void Add(DriftFinding finding, long recordNumber)
    {
        if (!_fields.TryGetValue((finding.Path, finding.Kind), out var stats))
        {
            stats = new DriftFieldStats(finding.Path, finding.Kind, recordNumber, finding.Expected);
            _fields[(finding.Path, finding.Kind)] = stats;
        }
        stats.Count++;
        stats.Observed |= finding.Observed;
        if (finding.Sample is { } sample && stats.Samples.Count < MaxSamples && !stats.Samples.Contains(sample))
        {
            stats.Samples.Add(sample);
        }
    }

    /// <summary>
    /// Counts one finding a <see cref="DriftDetector"/> holds as a site and sample bytes: the same as adding its
    /// <see cref="DriftFinding"/>, but a site counted before finds its stats without hashing the path, and a sample
    /// becomes a string only when it is new to the stats' (at most <see cref="MaxSamples"/>) samples.
    /// </summary>
    internal void Add(DriftSite site, ValueKinds observed, ReadOnlySpan<byte> sample, bool hasSample, bool truncated, long recordNumber)
    {
        var stats = site.Owner == this ? site.Stats! : StatsOf(site, recordNumber);
        stats.Count++;
        stats.Observed |= observed;
        if (hasSample && stats.Samples.Count < MaxSamples)
        {
            stats.Offer(sample, truncated);
        }
    }

    private DriftFieldStats StatsOf(DriftSite site, long recordNumber)
    {
        if (!_fields.TryGetValue((site.Path, site.Kind), out var stats))
        {
            stats = new DriftFieldStats(site.Path, site.Kind, recordNumber, site.Expected);
            _fields[(site.Path, site.Kind)] = stats;
        }
        site.Owner = this;
        site.Stats = stats;
        return stats;
    }

    public void AddAll(IEnumerable<DriftFinding> findings, long recordNumber)
    {
        foreach (var finding in findings)
        {
            Add(finding, recordNumber);
        }
    }

    public bool IsEmpty => _fields.Count == 0;

    /// <summary>By kind, then path.</summary>
    public IReadOnlyList<DriftFieldStats> Fields =>
        _fields.Values.OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();

    public IEnumerable<DriftFieldStats> OfKind(DriftKind kind) => Fields.Where(f => f.Kind == kind);
}

/// <summary>One drifted field over a batch.</summary>
public sealed class DriftFieldStats(string path, DriftKind kind, long firstRecord, ValueKinds expected)
{
    public string Path { get; } = path;
    public DriftKind Kind { get; } = kind;
    public long FirstRecord { get; } = firstRecord;
    public ValueKinds Expected { get; } = expected;
    public long Count { get; set; }
    public ValueKinds Observed { get; set; }
    public List<string> Samples { get; } = [];

    /// <summary>The bytes of samples offered as bytes (each once): a repeated value is recognised without decoding it.</summary>
    private readonly List<(byte[] Bytes, bool Truncated)> _sampleBytes = [];

    internal void Offer(ReadOnlySpan<byte> sample, bool truncated)
    {
        foreach (var (bytes, cut) in _sampleBytes)
        {
            if (cut == truncated && sample.SequenceEqual(bytes))
            {
                return;
            }
        }
        var text = DriftDetector.SampleString(sample, truncated);
        if (!Samples.Contains(text))
        {
            Samples.Add(text);
        }
        // Different bytes with the same text (a multi-byte character cut at the sample's end) are remembered too, within bounds.
        if (_sampleBytes.Count < DriftReport.MaxSamples * 4)
        {
            _sampleBytes.Add((sample.ToArray(), truncated));
        }
    }

    /// <summary>The JSON type names the data showed (<c>string</c>, <c>integer|null</c>), null for a missing field.</summary>
    public string? InferredType => Observed == ValueKinds.None ? null : KindNames.Of(Observed);

    public string? ExpectedType => Expected is ValueKinds.None or ValueKinds.All ? null : KindNames.Of(Expected);
}
