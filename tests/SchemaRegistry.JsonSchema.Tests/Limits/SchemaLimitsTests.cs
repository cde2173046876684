using System.Globalization;
using System.Text;
using SchemaRegistry.JsonSchema.Limits;

namespace SchemaRegistry.JsonSchema.Tests.Limits;

/// <summary>
/// The limits pass (issue 22, point 5): one linear walk without recursion that names the first limit a schema
/// exceeds, and lets ordinary schemas through.
/// </summary>
public sealed class SchemaLimitsTests
{
    private static readonly SchemaLimitOptions Unbounded = new()
    {
        MaxSchemaBytes = int.MaxValue,
        MaxSubschemas = int.MaxValue,
        MaxKeywords = int.MaxValue,
    };

    private static string Chain(int depth)
    {
        var builder = new StringBuilder("""{"$ref":"#/$defs/d0","$defs":{""");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("\"d").Append(i).Append("\":{\"allOf\":[{\"$ref\":\"#/$defs/d").Append(i + 1).Append("\"}]}");
        }
        return builder.Append(",\"d").Append(depth).Append("\":true}}").ToString();
    }

    private static string Properties(int count) =>
        "{\"properties\":{" + string.Join(',', Enumerable.Range(0, count).Select(i => $"\"p{i}\":true")) + "}}";

    [Fact]
    public void A_100000_deep_chain_is_refused_by_its_reference_depth_without_exhausting_the_stack()
    {
        var violation = SchemaLimits.Check(Chain(100_000), Unbounded);

        Assert.NotNull(violation);
        Assert.Equal(nameof(SchemaLimitOptions.MaxReferenceDepth), violation.Limit);
        Assert.Contains("MaxReferenceDepth", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31, null)]
    [InlineData(32, "MaxReferenceDepth")]
    public void A_chain_is_refused_exactly_past_its_limit(int hops, string? limit)
    {
        // Each hop is two schemas applied to the same value (the definition and its allOf branch), plus the root.
        Assert.Equal(limit, SchemaLimits.Check(Chain(hops), SchemaLimitOptions.Default)?.Limit);
    }

    [Theory]
    [InlineData(20_000, null)]
    [InlineData(60_000, "MaxSubschemas")]
    public void Subschemas_are_counted_against_their_limit(int properties, string? limit) =>
        Assert.Equal(limit, SchemaLimits.Check(Properties(properties - 1), SchemaLimitOptions.Default)?.Limit);

    [Fact]
    public void A_schema_over_the_byte_limit_is_refused_before_it_is_parsed()
    {
        var violation = SchemaLimits.Check("{\"description\":\"" + new string('x', 2_000_000) + "\"}", SchemaLimitOptions.Default);

        Assert.Equal(nameof(SchemaLimitOptions.MaxSchemaBytes), violation?.Limit);
    }

    [Fact]
    public void Nesting_and_keywords_have_limits()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"items\":", 33)) + "true" + new string('}', 33);
        Assert.Equal(nameof(SchemaLimitOptions.MaxDepth), SchemaLimits.Check(nested, SchemaLimitOptions.Default)?.Limit);
        var keywords = "{" + string.Join(',', Enumerable.Range(0, 11).Select(i => $"\"x-{i}\":1")) + "}";
        Assert.Equal(nameof(SchemaLimitOptions.MaxKeywords), SchemaLimits.Check(keywords, SchemaLimitOptions.Default with { MaxKeywords = 10 })?.Limit);
    }

    [Fact]
    public void A_pattern_of_50000_alternatives_is_refused_by_its_length_with_its_location()
    {
        var pattern = "^(" + string.Join('|', Enumerable.Range(0, 50_000).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture))) + ")$";

        var violation = SchemaLimits.Check($"{{\"patternProperties\":{{\"{pattern}\":true}}}}", SchemaLimitOptions.Default);

        Assert.Equal(nameof(SchemaLimitOptions.MaxPatternLength), violation?.Limit);
        Assert.StartsWith("/patternProperties/^(a0|a1", violation!.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^(?=(a|aa)+b)")]
    [InlineData("(?<!x)y")]
    [InlineData("(a)\\\\1")]
    [InlineData("\\\\bword\\\\b")]
    public void Patterns_that_need_backtracking_are_refused_unless_allowed(string pattern)
    {
        var schema = $"{{\"properties\":{{\"code\":{{\"pattern\":\"{pattern}\"}}}}}}";

        var violation = SchemaLimits.Check(schema, SchemaLimitOptions.Default);

        Assert.Equal(nameof(SchemaLimitOptions.AllowBacktrackingPatterns), violation?.Limit);
        Assert.Equal("/properties/code/pattern", violation!.Location);
        Assert.Null(SchemaLimits.Check(schema, SchemaLimitOptions.Default with { AllowBacktrackingPatterns = true }));
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"id":{"type":"string","pattern":"^INV-[0-9]{6}$"},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}}},"$defs":{"tag":{"type":"string","maxLength":20}}}""")]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""")]
    [InlineData("""{"$id":"https://example.com/root","$defs":{"inner":{"$id":"inner","$anchor":"x","allOf":[{"$ref":"#x"}]}}}""")]
    [InlineData("true")]
    [InlineData("not json")]
    public void Ordinary_schemas_pass_and_loops_are_left_to_the_compiler(string schema) =>
        Assert.Null(SchemaLimits.Check(schema, SchemaLimitOptions.Default));
}
