using System.Text.Json;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Core.Tests.Json;

/// <summary>The edges of RFC 6901 as every reader of a schema document now sees them (one table, one behaviour).</summary>
public sealed class JsonPointerTests
{
    private const string Document = """
        {
          "list": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
          "a/b": "slash", "m~n": "tilde", "~1": "tilde-one", "": "empty-name", "a b": "space", "%41": "percent",
          "nested": { "deep": [ { "leaf": "found" } ] }
        }
        """;

    private static readonly JsonElement Root = JsonDocument.Parse(Document).RootElement;

    [Theory]
    [InlineData("/list/0", "zero")]
    [InlineData("/list/10", "ten")]
    [InlineData("/a~1b", "slash")]
    [InlineData("/m~0n", "tilde")]
    [InlineData("/~01", "tilde-one")]
    [InlineData("/", "empty-name")]
    [InlineData("/a b", "space")]
    [InlineData("/%41", "percent")]
    [InlineData("/nested/deep/0/leaf", "found")]
    public void A_pointer_names_the_value_RFC_6901_says(string pointer, string expected)
    {
        Assert.Equal(expected, JsonPointer.Resolve(Root, pointer)?.GetString());
    }

    [Fact]
    public void The_empty_pointer_is_the_whole_document()
    {
        Assert.Equal(JsonValueKind.Object, JsonPointer.Resolve(Root, "")?.ValueKind);
    }

    [Theory]
    [InlineData("/list/01", "a leading zero is not an index")]
    [InlineData("/list/00", "nor is a doubled zero")]
    [InlineData("/list/-", "the position past the end holds nothing")]
    [InlineData("/list/11", "past the end")]
    [InlineData("/list/-1", "no sign")]
    [InlineData("/list/+1", "no plus sign")]
    [InlineData("/list/ 1", "no space")]
    [InlineData("/list/1.0", "no fraction")]
    [InlineData("/list/99999999999", "an index that overflows an int")]
    [InlineData("/list/", "an empty token is not an index")]
    [InlineData("/m~2n", "an escape other than ~0 and ~1")]
    [InlineData("/m~", "a tilde at the end")]
    [InlineData("/missing", "a property that does not exist")]
    [InlineData("/nested/deep/0/leaf/more", "a token below a string")]
    [InlineData("list/0", "no leading slash")]
    [InlineData("#/list/0", "a URI fragment is not a pointer until it is decoded")]
    [InlineData("/a%20b", "percent-encoding is the fragment's, not the pointer's")]
    public void A_pointer_that_names_nothing_resolves_to_null(string pointer, string why)
    {
        Assert.True(JsonPointer.Resolve(Root, pointer) is null, why);
    }

    [Theory]
    [InlineData("/a%20b", "space")]
    [InlineData("/%2541", "percent")]
    [InlineData("/a~1b", "slash")]
    [InlineData("/list/1", "one")]
    [InlineData("/a%2Fb", null)]
    public void A_fragment_is_percent_decoded_before_it_is_read_as_a_pointer(string fragment, string? expected)
    {
        // "%2F" decodes to "/", a separator: the pointer is then /a/b, which names nothing (use ~1 for a slash in a name).
        Assert.Equal(expected, JsonPointer.Resolve(Root, JsonPointer.FromFragment(fragment))?.GetString());
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
        Assert.True(JsonPointer.TryUnescape(token, out var back));
        Assert.Equal(name, back);
    }

    [Theory]
    [InlineData("0", 1, 0)]
    [InlineData("9", 10, 9)]
    [InlineData("10", 11, 10)]
    [InlineData("10", 10, -1)]
    [InlineData("0", 0, -1)]
    [InlineData("01", 5, -1)]
    [InlineData("-", 5, -1)]
    [InlineData("", 5, -1)]
    [InlineData("2147483648", int.MaxValue, -1)]
    public void An_array_index_is_canonical_and_inside_the_array(string token, int length, int expected)
    {
        Assert.Equal(expected >= 0, JsonPointer.TryIndex(token, length, out var index));
        Assert.Equal(expected, index);
    }
}
