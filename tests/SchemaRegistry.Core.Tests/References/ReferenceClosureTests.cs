using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.References;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.References;

/// <summary>The one reference loader the server, the SDK and the CLI use, over an in-memory registry.</summary>
public sealed class ReferenceClosureTests
{
    /// <summary>Each row: the registry as "fqid>ref,ref" entries, the root's references, the FQIDs the closure holds.</summary>
    [Theory]
    [InlineData("", "", "")]
    [InlineData("a:v1.0>", "a:v1.0", "a:v1.0")]
    [InlineData("a:v1.0>b:v1.0 b:v1.0>c:v1.0 c:v1.0>", "a:v1.0", "a:v1.0 b:v1.0 c:v1.0")]
    [InlineData("a:v1.0>b:v1.0,c:v1.0 b:v1.0>d:v1.0 c:v1.0>d:v1.0 d:v1.0>", "a:v1.0", "a:v1.0 b:v1.0 c:v1.0 d:v1.0")]
    [InlineData("a:v1.0>b:v1.0 b:v1.0>a:v1.0", "a:v1.0", "a:v1.0 b:v1.0")]
    [InlineData("a:v1.0>a:v1.0", "a:v1.0", "a:v1.0")]
    [InlineData("a:v1.0>gone:v1.0", "a:v1.0,gone:v1.0", "a:v1.0")]
    [InlineData("a:v1.0> b:v1.0>", "a:v1.0,b:v1.0,a:v1.0", "a:v1.0 b:v1.0")]
    public async Task The_closure_holds_every_version_reached_once_and_leaves_missing_ones_out(string registry, string roots, string expected)
    {
        var store = Registry(registry);
        var fetched = new List<string>();
        var closure = await ReferenceClosure.LoadAsync(Split(roots, ','), (fqid, _) =>
        {
            fetched.Add(fqid);
            return Task.FromResult(store.GetValueOrDefault(fqid));
        }, CancellationToken.None);

        Assert.Equal(Split(expected, ' ').Order(StringComparer.Ordinal), closure.Keys.Order(StringComparer.Ordinal));
        Assert.All(closure, pair => Assert.Equal(Payload(pair.Key), pair.Value));
        Assert.Equal(fetched.Distinct().Count(), fetched.Count);
    }

    [Fact]
    public async Task A_closure_of_exactly_the_bound_loads()
    {
        var closure = await ReferenceClosure.LoadAsync(["s:v1.0"], (fqid, _) => Task.FromResult<ReferencedSchema?>(Chain(fqid, 5)), CancellationToken.None, limit: 5);
        Assert.Equal(5, closure.Count);
    }

    [Fact]
    public async Task A_closure_beyond_the_bound_is_VAL_1305_after_a_bounded_number_of_fetches()
    {
        var fetches = 0;
        var refused = await Assert.ThrowsAsync<RegistryException>(() => ReferenceClosure.LoadAsync(["s:v1.0"], (fqid, _) =>
        {
            fetches++;
            return Task.FromResult<ReferencedSchema?>(Chain(fqid, int.MaxValue));
        }, CancellationToken.None, limit: 5));
        Assert.Equal(ErrorCode.ReferenceGraphTooLarge, refused.Error.Code);
        Assert.Equal(5, fetches);
    }

    [Fact]
    public async Task A_failing_fetch_ends_the_load_with_its_exception()
    {
        await Assert.ThrowsAsync<TimeoutException>(() =>
            ReferenceClosure.LoadAsync(["a:v1.0"], (_, _) => Task.FromException<ReferencedSchema?>(new TimeoutException()), CancellationToken.None));
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_fetch()
    {
        using var source = new CancellationTokenSource();
        CancellationToken seen = default;
        await ReferenceClosure.LoadAsync(["a:v1.0"], (_, token) =>
        {
            seen = token;
            return Task.FromResult<ReferencedSchema?>(null);
        }, source.Token);
        Assert.Equal(source.Token, seen);
    }

    /// <summary>s:v1.0 → s:v2.0 → …, <paramref name="length"/> versions long.</summary>
    private static ReferencedSchema Chain(string fqid, int length)
    {
        var major = int.Parse(fqid[3..fqid.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        return new ReferencedSchema(Payload(fqid), major < length ? [$"s:v{major + 1}.0"] : []);
    }

    private static Dictionary<string, ReferencedSchema> Registry(string text) =>
        Split(text, ' ').Select(entry => entry.Split('>')).ToDictionary(parts => parts[0], parts => new ReferencedSchema(Payload(parts[0]), Split(parts[1], ',')));

    private static string Payload(string fqid) => $$"""{"title":"{{fqid}}"}""";

    private static string[] Split(string text, char separator) => text.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}
