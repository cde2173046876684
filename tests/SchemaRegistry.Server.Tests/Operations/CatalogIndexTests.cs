using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Operations;

/// <summary>
/// The catalog's indexes (subjects by field, versions by state and by reference) and its paging, against a real
/// server: each follows registrations and transitions made after it was first read.
/// </summary>
public sealed class CatalogIndexTests : IAsyncLifetime
{
    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private SchemaCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        _admin = _server.Client();
        _catalog = _server.Services.GetRequiredService<SchemaCatalog>();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_field_search_pages_in_name_order_over_the_subjects_holding_the_field_in_any_version()
    {
        for (var i = 0; i < 7; i++)
        {
            var field = i % 2 == 0 ? "invoice_region_code" : "other";
            await _admin.RegisterAsync(Schemas.Draft($"sales.raw.entity_{i}:v1.0", "{\"type\":\"object\",\"properties\":{\"" + field + "\":{\"type\":\"string\"}}}"));
        }
        Assert.Equal(7, (await _catalog.SearchAsync(new CatalogQuery(), None)).Total);
        // An older version holding the field is enough; the newest drops it.
        await _admin.RegisterAsync(Schemas.Draft("sales.raw.entity_0:v1.1", """{"type":"object","properties":{"id":{"type":"string"}}}"""));

        var first = await _catalog.SearchAsync(new CatalogQuery(Field: "REGION", PageSize: 2), None);
        var second = await _catalog.SearchAsync(new CatalogQuery(Field: "REGION", Page: 2, PageSize: 2), None);
        var beyond = await _catalog.SearchAsync(new CatalogQuery(Field: "REGION", Page: 9, PageSize: 2), None);

        Assert.Equal(4, first.Total);
        Assert.Equal(2, first.Pages);
        Assert.Equal(["sales.raw.entity_0", "sales.raw.entity_2"], first.Hits.Select(h => h.Latest.Subject));
        Assert.Equal(["sales.raw.entity_4", "sales.raw.entity_6"], second.Hits.Select(h => h.Latest.Subject));
        Assert.All(first.Hits.Concat(second.Hits), h => Assert.Equal(["invoice_region_code"], h.MatchedFields));
        Assert.Empty(beyond.Hits);
        Assert.Equal(4, beyond.Total);

        await _admin.RegisterAsync(Schemas.Draft("sales.raw.entity_3:v1.1", """{"type":"object","properties":{"invoice_region_code":{"type":"string"}}}"""));
        var after = await _catalog.SearchAsync(new CatalogQuery(Field: "invoice_region_code", PageSize: 10), None);
        Assert.Equal(["sales.raw.entity_0", "sales.raw.entity_2", "sales.raw.entity_3", "sales.raw.entity_4", "sales.raw.entity_6"],
            after.Hits.Select(h => h.Latest.Subject));
        Assert.Equal("v1.1", after.Hits[2].Latest.Version);
    }

    [Fact]
    public async Task The_state_index_follows_transitions_made_after_it_was_read()
    {
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0", """{"type":"object"}"""));
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.order:v1.0", """{"type":"object"}"""));
        Assert.Empty(await _catalog.InStateAsync(SchemaState.PendingApproval, None));
        Assert.Equal(2, (await _catalog.CountByStateAsync(None))[SchemaState.Draft]);

        await _admin.ValidateAsync("finance.gdp.order:v1.0");
        await _admin.SubmitAsync("finance.gdp.order:v1.0");
        await _admin.ValidateAsync("finance.gdp.invoice:v1.0");
        await _admin.SubmitAsync("finance.gdp.invoice:v1.0");

        Assert.Equal(["finance.gdp.order:v1.0", "finance.gdp.invoice:v1.0"], (await _catalog.InStateAsync(SchemaState.PendingApproval, None)).Select(v => v.Fqid));
        var queue = await _server.Services.GetRequiredService<ApprovalQueueService>().ListAsync(1, None);
        Assert.Equal(["finance.gdp.invoice:v1.0"], queue.Select(p => p.Version.Fqid));

        using var approver = _server.Client(await _server.KeyAsync("governance", "schema-admin"));
        await approver.ApproveAsync("finance.gdp.order:v1.0");
        Assert.Equal(["finance.gdp.invoice:v1.0"], (await _catalog.InStateAsync(SchemaState.PendingApproval, None)).Select(v => v.Fqid));
        Assert.Equal(["finance.gdp.order:v1.0"], (await _catalog.InStateAsync(SchemaState.Approved, None)).Select(v => v.Fqid));
        Assert.False((await _catalog.CountByStateAsync(None)).ContainsKey(SchemaState.Draft));
    }

    [Fact]
    public async Task The_reference_index_names_each_referencing_version_and_follows_new_ones()
    {
        var canonical = _server.Services.GetRequiredService<Hosting.RegistryOptions>().CanonicalPrefix;
        await _admin.RegisterAsync(Schemas.Draft("crm.gdp.customer:v1.0", """{"type":"object","properties":{"id":{"type":"string"}}}"""));
        Assert.Empty(await _catalog.ReferencingAsync("crm.gdp.customer:v1.0", None));

        var target = canonical + "crm.gdp.customer:v1.0";
        var referencing = $$"""{"type":"object","properties":{"a":{"$ref":"{{target}}"},"b":{"$ref":"{{target}}"} } }""";
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.0", referencing));
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.1", """{"type":"object"}"""));
        await _admin.RegisterAsync(Schemas.Draft("finance.gdp.order:v1.0", referencing));

        Assert.Equal(["finance.gdp.invoice:v1.0", "finance.gdp.order:v1.0"],
            (await _catalog.ReferencingAsync("crm.gdp.customer:v1.0", None)).Select(v => v.Fqid).Order(StringComparer.Ordinal));
        Assert.Empty(await _catalog.ReferencingAsync("finance.gdp.invoice:v1.0", None));
    }
}
