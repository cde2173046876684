using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// The soundness property of the JSON Schema compatibility checker, run with FsCheck over generated schema pairs (a
/// random schema of draft-07, 2019-09 or 2020-12 and one to three random edits of it) and a targeted instance
/// search checked by the real validator. Run it alone with
/// <c>dotnet test tests/SchemaRegistry.Core.Tests -c Release --filter FullyQualifiedName~SoundnessPropertyTests</c>;
/// <c>SCHEMAREG_FSCHECK_RUNS</c> sets the number of pairs (default <see cref="DefaultRuns"/>, a few seconds) and
/// <c>SCHEMAREG_FSCHECK_SEED</c> the seed (fixed by default, so CI repeats the same pairs).
/// </summary>
public sealed class SoundnessPropertyTests(ITestOutputHelper output)
{
    private const int DefaultRuns = 400;
    private const ulong DefaultSeed = 20_261_207;

    [Fact]
    public void No_compatibility_claim_is_contradicted_by_a_searched_instance()
    {
        var runs = Environment.GetEnvironmentVariable("SCHEMAREG_FSCHECK_RUNS") is { Length: > 0 } r ? int.Parse(r, CultureInfo.InvariantCulture) : DefaultRuns;
        var seed = Environment.GetEnvironmentVariable("SCHEMAREG_FSCHECK_SEED") is { Length: > 0 } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        var stats = new SoundnessStats();
        var property = Prop.ForAll(Arb.From(SchemaMutator.Pairs, PairShrinker.Shrink), (SchemaPair pair) => SoundnessCheck.Run(pair, stats));
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(runs)
            .WithMaxRejected(runs)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        finally
        {
            output.WriteLine($"seed {seed}: {stats}");
        }
    }
}
