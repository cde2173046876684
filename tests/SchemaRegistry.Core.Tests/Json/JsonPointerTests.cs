using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Json;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Core.Tests.Json;

/// <summary>
/// The edges of RFC 6901 as the domain reads them (one table, one behaviour), checked against the validator's own
/// reading of the same pointers as <c>$ref</c> fragments: diffs, drift detection and validation see the same target.
/// </summary>
public sealed class JsonPointerTests
{
    private const string Document = """
        {
          "list": [{"const": "zero"}, {"const": "one"}, {"const": "two"}, {"const": "three"}, {"const": "four"}, {"const": "five"},
                   {"const": "six"}, {"const": "seven"}, {"const": "eight"}, {"const": "nine"}, {"const": "ten"}],
          "a/b": {"const": "slash"}, "m~n": {"const": "tilde"}, "~1": {"const": "tilde-one"}, "": {"const": "empty-name"},
          "a b": {"const": "space"}, "%41": {"const": "percent"}, "m~2n": {"const": "odd-tilde"},
          "nested": {"deep": [{"leaf": {"const": "found"}}]}
        }
        """;

    private static readonly JsonElement Root = JsonDocument.Parse(Document).RootElement;

    public static TheoryData<string, string> Resolving => new()
    {
        { "/list/0", "zero" },
        { "/list/10", "ten" },
        { "/list/01", "one" },
        { "/list/00", "zero" },
        { "/a~1b", "slash" },
        { "/m~0n", "tilde" },
        { "/~01", "tilde-one" },
        { "/m~2n", "odd-tilde" },
        { "/", "empty-name" },
        { "/a b", "space" },
        { "/%41", "percent" },
        { "/nested/deep/0/leaf", "found" },
    };

    public static TheoryData<string> NamingNothing => new()
    {
        "/list/-",
        "/list/11",
        "/list/-1",
        "/list/+1",
        "/list/ 1",
        "/list/1.0",
        "/list/99999999999",
        "/list/",
        "/missing",
        "/nested/deep/0/leaf/const/x",
        "/a%20b",
        "list/0",
        "#/list/0",
    };

    [Theory]
    [MemberData(nameof(Resolving))]
    public void A_pointer_names_the_value_the_table_says(string pointer, string expected)
    {
        Assert.Equal(expected, JsonPointer.Resolve(Root, pointer)?.GetProperty("const").GetString());
    }

    [Theory]
    [MemberData(nameof(NamingNothing))]
    public void A_pointer_that_names_nothing_resolves_to_null(string pointer)
    {
        Assert.Null(JsonPointer.Resolve(Root, pointer));
    }

    [Fact]
    public void The_empty_pointer_is_the_whole_document()
    {
        Assert.Equal(JsonValueKind.Object, JsonPointer.Resolve(Root, "")?.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Resolving))]
    public void The_validator_resolves_each_pointer_to_the_same_value(string pointer, string expected)
    {
        var schema = CompiledSchema.Compile(WithReference(pointer));
        Assert.True(schema.IsValid(Encoding.UTF8.GetBytes($"\"{expected}\"")));
        Assert.False(schema.IsValid("\"something else\""u8));
    }

    [Theory]
    [MemberData(nameof(NamingNothing))]
    public void The_validator_finds_nothing_where_the_domain_finds_nothing(string pointer)
    {
        if (pointer.StartsWith('/'))
        {
            Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(WithReference(pointer)));
        }
    }

    [Theory]
    [InlineData("/a%20b", "space")]
    [InlineData("/%2541", "percent")]
    [InlineData("/a~1b", "slash")]
    [InlineData("/list/1", "one")]
    [InlineData("/a%2Fb", null)]
    public void A_fragment_is_percent_decoded_before_it_is_read_as_a_pointer(string fragment, string? expected)
    {
        // "%2F" decodes to "/", a separator: the pointer is then /a/b, which names nothing (a slash in a name is ~1).
        Assert.Equal(expected, JsonPointer.Resolve(Root, JsonPointer.FromFragment(fragment))?.GetProperty("const").GetString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a~1b")]
    [InlineData("m~n", "m~0n")]
    [InlineData("~1", "~01")]
    [InlineData("/~", "~1~0")]
    [InlineData("", "")]
    public void Escaping_and_unescaping_a_name_round_trip(string name, string token)
    {
        Assert.Equal(token, JsonPointer.Escape(name));
        Assert.Equal(name, JsonPointer.Unescape(token));
    }

    [Theory]
    [InlineData("0", 1, 0)]
    [InlineData("9", 10, 9)]
    [InlineData("10", 11, 10)]
    [InlineData("007", 8, 7)]
    [InlineData("10", 10, -1)]
    [InlineData("0", 0, -1)]
    [InlineData("-", 5, -1)]
    [InlineData("", 5, -1)]
    [InlineData("2147483648", int.MaxValue, -1)]
    public void An_array_index_is_decimal_digits_naming_an_item_inside_the_array(string token, int length, int expected)
    {
        Assert.Equal(expected >= 0, JsonPointer.TryIndex(token, length, out var index));
        Assert.Equal(expected, index);
    }

    /// <summary>The document as a schema whose root refers to <paramref name="pointer"/> (as a URI fragment).</summary>
    private static string WithReference(string pointer)
    {
        var fragment = pointer.Replace("%", "%25", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
        return "{\"$ref\":" + JsonSerializer.Serialize("#" + fragment) + "," + Document.Trim()[1..];
    }
}
