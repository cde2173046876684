using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>A registered schema can be referenced by its canonical URL as well as by <c>schemareg:FQID</c>.</summary>
public sealed class CanonicalReferenceTests : IAsyncLifetime
{
    private const string PublicUrl = "https://registry.example.com";
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite,
        new Dictionary<string, string?> { ["Registry:PublicUrl"] = PublicUrl });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_reference_by_canonical_url_is_checked_like_one_by_fqid()
    {
        using var client = _server.Client();
        var byUrl = Schemas.Draft("finance.gdp.invoice:v1.0",
            """{"type":"object","properties":{"customer":{"$ref":""" + "\"" + PublicUrl + """/v1/schema/finance.gdp.customer:v1.0#/properties/id"}}}""");
        var registered = await client.RegisterAsync(byUrl);
        Assert.Equal(["finance.gdp.customer:v1.0"], registered.References);

        var missing = await Assert.ThrowsAsync<SchemaRegistry.Client.RegistryApiException>(() => client.ValidateAsync("finance.gdp.invoice:v1.0"));
        Assert.Equal("VAL-1304", missing.Code);

        await client.RegisterAsync(Schemas.Draft("finance.gdp.customer:v1.0"));
        await client.PublishAsync("finance.gdp.customer:v1.0", force: true, reason: "dependency");
        Assert.Equal("validated", (await client.ValidateAsync("finance.gdp.invoice:v1.0")).State);
    }
}
