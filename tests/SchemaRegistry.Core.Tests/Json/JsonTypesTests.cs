using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Core.Tests.Json;

/// <summary>Type names to value kinds, one table for the comparer, drift detection and drift cases.</summary>
public sealed class JsonTypesTests
{
    [Theory]
    [InlineData("null", ValueKinds.Null)]
    [InlineData("boolean", ValueKinds.Boolean)]
    [InlineData("object", ValueKinds.Object)]
    [InlineData("array", ValueKinds.Array)]
    [InlineData("string", ValueKinds.String)]
    [InlineData("integer", ValueKinds.Integer)]
    [InlineData("number", ValueKinds.Integer | ValueKinds.Fraction)]
    public void Each_JSON_Schema_type_name_admits_its_kinds(string name, ValueKinds expected)
    {
        Assert.True(JsonTypes.TryParse(name, out var kinds));
        Assert.Equal(expected, kinds);
    }

    [Theory]
    [InlineData("Integer")]
    [InlineData("int")]
    [InlineData("any")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_JSON_Schema_does_not_define_is_not_parsed(string? name)
    {
        Assert.False(JsonTypes.TryParse(name, out var kinds));
        Assert.Equal(ValueKinds.None, kinds);
    }

    [Theory]
    [InlineData("\"string\"", ValueKinds.String)]
    [InlineData("[\"integer\", \"null\"]", ValueKinds.Integer | ValueKinds.Null)]
    [InlineData("[\"number\", \"integer\"]", ValueKinds.Integer | ValueKinds.Fraction)]
    [InlineData("\"decimal\"", ValueKinds.All)]
    [InlineData("[\"string\", \"decimal\"]", ValueKinds.All)]
    [InlineData("[\"string\", 5]", ValueKinds.All)]
    [InlineData("[]", ValueKinds.All)]
    [InlineData("5", ValueKinds.All)]
    [InlineData("null", ValueKinds.All)]
    [InlineData("{\"type\":\"string\"}", ValueKinds.All)]
    public void A_type_keyword_that_cannot_be_read_admits_every_kind(string type, ValueKinds expected)
    {
        Assert.Equal(expected, JsonTypes.OfKeyword(JsonDocument.Parse(type).RootElement));
    }

    [Theory]
    [InlineData("null", ValueKinds.Null)]
    [InlineData("false", ValueKinds.Boolean)]
    [InlineData("{}", ValueKinds.Object)]
    [InlineData("[]", ValueKinds.Array)]
    [InlineData("\"1\"", ValueKinds.String)]
    [InlineData("1", ValueKinds.Integer)]
    [InlineData("1.0", ValueKinds.Integer)]
    [InlineData("-0", ValueKinds.Integer)]
    [InlineData("1.5", ValueKinds.Fraction)]
    [InlineData("1e400", ValueKinds.Fraction)]
    public void A_value_has_one_kind(string value, ValueKinds expected)
    {
        Assert.Equal(expected, JsonTypes.Of(JsonDocument.Parse(value).RootElement));
    }
}
