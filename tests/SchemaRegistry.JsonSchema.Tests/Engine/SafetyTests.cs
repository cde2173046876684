using System.Text;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>Hostile schemas and instances end quickly with a clear result; nothing crashes the process.</summary>
public sealed class SafetyTests
{
    [Fact]
    public void A_10000_deep_instance_is_invalid_with_a_clear_error()
    {
        var schema = CompiledSchema.Compile("""{"items":{"$ref":"#"}}""");
        var instance = Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));

        Assert.False(schema.IsValid(instance));
        var result = schema.Evaluate(instance);
        var error = Assert.Single(result.Errors);
        Assert.Contains("nested deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_instance_under_the_limit_is_checked_in_full()
    {
        var schema = CompiledSchema.Compile("""{"items":{"$ref":"#"},"type":"array"}""");
        var instance = Encoding.UTF8.GetBytes(new string('[', 500) + "1" + new string(']', 500));

        var result = schema.Evaluate(instance);

        Assert.False(result.Valid);
        Assert.Equal("/" + string.Join("/", Enumerable.Repeat("0", 500)), result.Errors.Single().InstanceLocation);
    }

    [Fact]
    public void A_catastrophic_pattern_cannot_hang_validation()
    {
        var schema = CompiledSchema.Compile("""{"type":"string","pattern":"^(a+)+$"}""");
        var instance = Encoding.UTF8.GetBytes("\"" + new string('a', 50) + "!\"");

        Assert.False(schema.IsValid(instance));
        Assert.True(schema.IsValid(Encoding.UTF8.GetBytes("\"" + new string('a', 50) + "\"")));
    }

    [Theory]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""", "#/$defs/a")]
    [InlineData("""{"$ref":"#"}""", "#")]
    [InlineData("""{"allOf":[{"$ref":"#"}]}""", "#")]
    [InlineData("""{"properties":{"x":{"anyOf":[{"type":"null"},{"not":{"$ref":"#/properties/x"}}]}}}""", "#/properties/x")]
    [InlineData("""{"if":{"$ref":"#"},"then":true}""", "#")]
    public void A_reference_loop_that_reads_nothing_does_not_compile(string json, string where)
    {
        var error = Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(json));
        Assert.Contains("without end", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(where, error.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"child":{"$ref":"#"}}}""", """{"child":{"child":{}}}""")]
    [InlineData("""{"$defs":{"list":{"type":"array","items":{"$ref":"#/$defs/list"}}},"$ref":"#/$defs/list"}""", "[[[]],[]]")]
    public void A_reference_loop_through_the_value_compiles_and_validates(string json, string instance)
    {
        Assert.True(CompiledSchema.Compile(json).IsValid(Encoding.UTF8.GetBytes(instance)));
    }

    [Fact]
    public void A_dynamic_reference_loop_without_progress_is_reported_at_run_time_not_followed_forever()
    {
        var schema = CompiledSchema.Compile("""{"$schema":"https://json-schema.org/draft/2020-12/schema","$dynamicAnchor":"self","$dynamicRef":"#self"}""");

        Assert.False(schema.IsValid("{}"u8));
        var error = Assert.Single(schema.Evaluate("{}"u8).Errors);
        Assert.Contains("recursed too deeply", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"$ref":"#/$defs/missing"}""")]
    [InlineData("""{"$ref":"other.json"}""")]
    [InlineData("""{"$ref":"schemareg:finance.gdp.customer:v1.0"}""")]
    public void An_unresolvable_reference_is_a_compile_error_that_says_so(string schema)
    {
        var error = Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(schema));
        Assert.True(error.UnresolvedReference);
    }

    [Theory]
    [InlineData("""{"type":"strnig"}""")]
    [InlineData("""{"minLength":-1}""")]
    [InlineData("""{"pattern":"(unclosed"}""")]
    [InlineData("""{"allOf":[]}""")]
    [InlineData("[1,2]")]
    [InlineData("{")]
    public void A_malformed_schema_is_a_compile_error_not_a_crash(string schema)
    {
        var error = Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(schema));
        Assert.False(error.UnresolvedReference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("[1,2,]")]
    public void Malformed_instances_are_invalid_with_an_explanation(string instance)
    {
        var schema = CompiledSchema.Compile("true");
        var bytes = Encoding.UTF8.GetBytes(instance);

        Assert.False(schema.IsValid(bytes));
        Assert.NotEmpty(schema.Evaluate(bytes).Errors);
    }

    [Fact]
    public void A_string_with_a_lone_surrogate_escape_is_invalid_where_its_text_is_needed()
    {
        var schema = CompiledSchema.Compile("""{"type":"string","maxLength":3,"pattern":"x"}""");
        var instance = Encoding.UTF8.GetBytes("\"\\uDCA9abcdef\"");

        Assert.False(schema.IsValid(instance));
        Assert.Contains("lone surrogate", Assert.Single(schema.Evaluate(instance).Errors).Message, StringComparison.Ordinal);
        Assert.True(CompiledSchema.Compile("true").IsValid(instance));
    }

    [Fact]
    public void Schemas_over_the_size_limit_are_refused()
    {
        var big = "{\"enum\":[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"value-{i}\"")) + "]}";
        var error = Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(big, new JsonSchemaOptions { MaxSchemaBytes = 100_000 }));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }
}
