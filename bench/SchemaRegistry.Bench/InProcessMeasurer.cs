using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchemaRegistry.Bench;

/// <summary>
/// Times contenders on this thread: each gets a probe and a warm-up pass, then the timed passes run in rounds
/// (one pass of every contender per round) and the best pass of each counts.
/// </summary>
internal static class InProcessMeasurer
{
    private const double MinWarmupSeconds = 1.0;

    public static IReadOnlyList<Measurement> Measure(IReadOnlyList<Contender> contenders, Corpus corpus, RunSettings settings)
    {
        var warmed = contenders.Select(c => WarmUp(c, corpus, settings)).ToList();

        // Rounds rather than all passes of one contender in a row: when other work slows the machine for a while,
        // it slows every contender's pass of that round alike, so the ratios between contenders stay fair.
        for (var round = 1; round <= settings.Passes; round++)
        {
            foreach (var w in warmed)
            {
                var pass = Pass(w.Contender, corpus.Records, w.Count, null);
                if (pass.Valid != w.ExpectedValid)
                {
                    throw new InvalidOperationException($"{w.Contender.Name}: {pass.Valid} valid in a timed pass, {w.ExpectedValid} in the warm-up.");
                }
                w.PassSeconds.Add(pass.Seconds);
                Log(w.Contender, string.Create(CultureInfo.InvariantCulture, $"timed pass {round}: {pass.Seconds:N3} s"));
            }
        }

        return warmed.Select(w => new Measurement(
            w.Contender.Key,
            w.Contender.Name,
            w.Count,
            corpus.BytesOf(w.Count),
            w.PassSeconds.Min(),
            w.PassSeconds,
            w.Contender.ChecksSchema ? w.ExpectedValid : null,
            w.Contender.ChecksSchema ? w.Verdicts : null,
            w.Note)).ToList();
    }

    private static WarmedContender WarmUp(Contender contender, Corpus corpus, RunSettings settings)
    {
        Console.Error.WriteLine($"Warming up {contender.Name} …");
        var records = corpus.Records;
        var verdicts = new bool[records.Length];

        // The probe decides whether a full pass fits in the time limit; for slow contenders it is also their warm-up.
        var probeCount = Math.Min(settings.SubsetSize, records.Length);
        var probe = Pass(contender, records, probeCount, verdicts);
        var projected = probe.Seconds * records.Length / probeCount;
        Log(contender, string.Create(CultureInfo.InvariantCulture, $"probe of {probeCount:N0} records: {probe.Seconds:N2} s, a full pass ≈ {projected:N1} s"));

        if (projected > settings.MaxPassSeconds && probeCount < records.Length)
        {
            Array.Resize(ref verdicts, probeCount);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"first {probeCount:N0} records only: a full pass would take about {projected:N0} s (> {settings.MaxPassSeconds:N0} s)");
            return new WarmedContender(contender, probeCount, verdicts, probe.Valid, note);
        }

        var warmup = Pass(contender, records, records.Length, verdicts);
        var warmupSeconds = warmup.Seconds;
        var warmupPasses = 1;
        // Tiered compilation recompiles hot methods in the background after a delay; on a small file one pass
        // can end before that, and the first timed pass would then still run unoptimised code.
        while (warmupSeconds < MinWarmupSeconds)
        {
            warmupSeconds += Pass(contender, records, records.Length, null).Seconds;
            warmupPasses++;
        }
        Log(contender, string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmupPasses} pass(es), {warmupSeconds:N2} s"));
        return new WarmedContender(contender, records.Length, verdicts, warmup.Valid, null);
    }

    // Fully optimised from the first call: this loop runs only a handful of times, too few for tiering to reach it,
    // and it must not add tier-0 overhead to the fastest contenders.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static (double Seconds, int Valid) Pass(Contender contender, byte[][] records, int count, bool[]? verdicts)
    {
        // Garbage left by the previous pass or contender is collected outside the timed region.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var valid = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var ok = contender.Check(records[i]);
            if (ok)
            {
                valid++;
            }
            if (verdicts is not null)
            {
                verdicts[i] = ok;
            }
        }
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, valid);
    }

    private static void Log(Contender contender, string message) => Console.Error.WriteLine($"  {contender.Key}: {message}");
}
