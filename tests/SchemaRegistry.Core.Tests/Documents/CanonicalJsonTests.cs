using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Core.Tests.Documents;

public sealed partial class CanonicalJsonTests
{
    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex HashShape();

    private static string Write(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return CanonicalJson.Write(doc.RootElement);
    }

    [Fact]
    public void Keys_are_sorted_and_whitespace_removed_at_every_depth()
    {
        const string json = """
            {
              "b": [ 3, { "z": 1, "a": 2 } ],
              "a": "x",
              "c": { "y": { "q": null, "p": true }, "x": false }
            }
            """;

        Assert.Equal("""{"a":"x","b":[3,{"a":2,"z":1}],"c":{"x":false,"y":{"p":true,"q":null}}}""", Write(json));
    }

    [Fact]
    public void Keys_are_sorted_by_utf16_code_unit()
    {
        Assert.Equal("""{"B":1,"_":2,"a":3,"aa":4,"b":5}""", Write("""{ "b": 5, "aa": 4, "a": 3, "_": 2, "B": 1 }"""));
    }

    [Fact]
    public void Array_order_is_preserved()
    {
        Assert.Equal("[3,1,2]", Write("[ 3, 1, 2 ]"));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData(" \"s\" ", "\"s\"")]
    [InlineData("1.50", "1.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("-0", "-0")]
    [InlineData("{ }", "{}")]
    [InlineData("[ ]", "[]")]
    public void Scalars_and_empty_containers_are_written_as_given(string json, string expected)
    {
        Assert.Equal(expected, Write(json));
    }

    [Theory]
    [InlineData("""{"a":1,"b":2}""", """{ "b": 2, "a": 1 }""")]
    [InlineData("""{"a":1,"b":2}""", "{\n\t\"a\" : 1 ,\r\n\t\"b\" : 2\n}\n")]
    [InlineData("""{"o":{"x":[1,{"k":"v","j":"w"}],"a":null}}""", """{ "o": { "a": null, "x": [ 1, { "j": "w", "k": "v" } ] } }""")]
    [InlineData("""{"s":"A"}""", """{"s":"\u0041"}""")]
    [InlineData("""{"s":"a/b"}""", """{"s":"a\/b"}""")]
    [InlineData("""{"s":"é"}""", """{"s":"\u00e9"}""")]
    [InlineData("""{"s":"é"}""", """{"s":"\u00E9"}""")]
    [InlineData("""{"é":1}""", """{"\u00e9":1}""")]
    [InlineData("""{"s":"\n"}""", """{"s":"\u000a"}""")]
    public void Equal_documents_hash_alike_however_they_are_formatted(string a, string b)
    {
        Assert.Equal(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":1}""", """{"a":"1"}""")]
    [InlineData("""{"a":1}""", """{"A":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":1}""")]
    [InlineData("""{"a":null}""", "{}")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[1]", "[[1]]")]
    [InlineData("""{"s":"a"}""", """{"s":"a "}""")]
    [InlineData("true", "false")]
    [InlineData("{}", "[]")]
    [InlineData("""{"type":"string"}""", """{"type":"integer"}""")]
    public void Different_documents_hash_differently(string a, string b)
    {
        Assert.NotEqual(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    public void Numbers_are_hashed_as_written(string a, string b)
    {
        Assert.NotEqual(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
    }

    [Fact]
    public void Hash_is_sha256_of_the_canonical_utf8_text_in_lower_case_hex()
    {
        const string json = """{ "b": [1, 2], "a": "é" }""";
        var canonical = Write(json);
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var hash = CanonicalJson.Hash(json);

        Assert.Equal(expected, hash);
        Assert.Matches(HashShape(), hash);
    }

    [Fact]
    public void Hash_of_the_empty_object_is_a_known_value()
    {
        // sha256("{}")
        Assert.Equal("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.Hash(" { } "));
    }

    [Fact]
    public void Hash_is_stable_across_calls()
    {
        const string json = """{ "type": "object", "properties": { "id": { "type": "string" } } }""";

        Assert.Equal(CanonicalJson.Hash(json), CanonicalJson.Hash(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"a\": }")]
    [InlineData("{ 'a': 1 }")]
    [InlineData("[1,]")]
    public void Malformed_json_is_thrown(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CanonicalJson.Hash(json));
    }

    // JSON's grammar allows a lone surrogate escape; EnvelopeRules and the payload checks accept such a payload, so hashing
    // it must either succeed or report malformed input, not fail with an InvalidOperationException (an internal error).
    [Theory]
    [InlineData("""{ "a": "\uD800" }""")]
    [InlineData("""{ "a": "\uDC00" }""")]
    [InlineData("""{ "\uD800": 1 }""")]
    public void Lone_surrogate_escape_is_hashed_or_refused_as_malformed_json(string json)
    {
        var thrown = Record.Exception(() => CanonicalJson.Hash(json));

        Assert.True(thrown is null or JsonException, $"Hash threw {thrown?.GetType().Name}: {thrown?.Message}");
    }
}
