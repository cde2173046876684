using System.Diagnostics;
using System.Text;

namespace SchemaRegistry.JsonSchema.Tests.Regexes;

/// <summary>
/// A value checked several times in a row (fast path, then again for the reasons) costs one match timeout, not one
/// per pass: issue 22, point 6, where four passes made 200 ms cost 0.8 s per record.
/// </summary>
public sealed class BoundedMatchTests
{
    [Fact]
    public void A_value_that_timed_out_is_not_matched_again_on_the_next_passes()
    {
        var timeout = TimeSpan.FromSeconds(1);
        var schema = CompiledSchema.Compile("""{"type":"string","pattern":"^(?=(a|aa)+b)"}""", new JsonSchemaOptions { RegexTimeout = timeout });
        var hostile = Encoding.UTF8.GetBytes("\"" + new string('a', 5000) + "\"");

        var clock = Stopwatch.StartNew();
        Assert.False(schema.IsValid(hostile));
        Assert.False(schema.IsValid(hostile));
        var result = schema.Evaluate(hostile);
        clock.Stop();

        Assert.Contains("took too long", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        // Three passes used to take three timeouts (3 s); one timeout and some slack now.
        Assert.True(clock.Elapsed < timeout * 2.5, $"{clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(schema.IsValid(Encoding.UTF8.GetBytes("\"aab\"")));
    }
}
