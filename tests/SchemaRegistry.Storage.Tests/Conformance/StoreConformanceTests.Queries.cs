using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>Aliases, version lists and subject listings.</summary>
public abstract partial class StoreConformanceTests
{
    private const SchemaState P = SchemaState.Published;

    [Fact]
    public async Task ResolveAsync_compares_minors_as_numbers_so_v1_10_is_newer_than_v1_9()
    {
        var subject = NewSubject();
        await InsertVersionsAsync(subject, (1, 2, P), (1, 10, P), (1, 9, P));

        Assert.Equal(V(subject, 1, 10), await Schemas.ResolveAsync(subject, null, None));
        Assert.Equal(V(subject, 1, 10), await Schemas.ResolveAsync(subject, 1, None));
    }

    [Fact]
    public async Task ResolveAsync_compares_majors_first_so_v2_0_is_newer_than_v1_99()
    {
        var subject = NewSubject();
        await InsertVersionsAsync(subject, (1, 99, P), (2, 0, P), (1, 5, P));

        Assert.Equal(V(subject, 2, 0), await Schemas.ResolveAsync(subject, null, None));
        Assert.Equal(V(subject, 1, 99), await Schemas.ResolveAsync(subject, 1, None));
        Assert.Equal(V(subject, 2, 0), await Schemas.ResolveAsync(subject, 2, None));
    }

    [Fact]
    public async Task ResolveAsync_returns_the_newest_published_version_overall_and_within_a_major()
    {
        var subject = NewSubject();
        await InsertVersionsAsync(subject, (1, 0, P), (1, 1, P), (2, 0, P), (2, 1, P), (3, 0, P), (3, 4, P));

        Assert.Equal(V(subject, 3, 4), await Schemas.ResolveAsync(subject, null, None));
        Assert.Equal(V(subject, 1, 1), await Schemas.ResolveAsync(subject, 1, None));
        Assert.Equal(V(subject, 2, 1), await Schemas.ResolveAsync(subject, 2, None));
        Assert.Equal(V(subject, 3, 4), await Schemas.ResolveAsync(subject, 3, None));
    }

    [Fact]
    public async Task ResolveAsync_ignores_drafts_deprecated_and_every_other_unpublished_state()
    {
        var subject = NewSubject();
        await InsertVersionsAsync(subject,
            (1, 0, P),
            (1, 1, SchemaState.Deprecated),
            (1, 2, SchemaState.Draft),
            (1, 3, SchemaState.Validated),
            (1, 4, SchemaState.PendingApproval),
            (1, 5, SchemaState.Approved),
            (1, 6, SchemaState.Rejected),
            (2, 0, SchemaState.Draft),
            (3, 0, SchemaState.Deprecated));
        // A published version of another subject, even one whose name extends this one, does not count.
        await InsertAsync(V(subject with { Entity = subject.Entity + "_v2" }, 9, 0), P);
        await InsertAsync(V(subject with { Layer = "gdp" }, 9, 0), P);

        Assert.Equal(V(subject, 1, 0), await Schemas.ResolveAsync(subject, null, None));
        Assert.Equal(V(subject, 1, 0), await Schemas.ResolveAsync(subject, 1, None));
        Assert.Null(await Schemas.ResolveAsync(subject, 2, None));
        Assert.Null(await Schemas.ResolveAsync(subject, 3, None));
    }

    [Fact]
    public async Task ResolveAsync_returns_null_when_nothing_is_published()
    {
        var drafts = NewSubject();
        await InsertVersionsAsync(drafts, (1, 0, SchemaState.Draft), (1, 1, SchemaState.Deprecated));
        var published = NewSubject();
        await InsertVersionsAsync(published, (1, 0, P));

        Assert.Null(await Schemas.ResolveAsync(drafts, null, None));
        Assert.Null(await Schemas.ResolveAsync(drafts, 1, None));
        Assert.Null(await Schemas.ResolveAsync(NewSubject(), null, None));
        Assert.Null(await Schemas.ResolveAsync(published, 7, None));
        Assert.Null(await Schemas.ResolveAsync(published, 0, None));
    }

    [Fact]
    public async Task ListVersionsAsync_orders_by_major_then_minor_numerically()
    {
        var subject = NewSubject();
        await InsertVersionsAsync(subject,
            (2, 0, P), (1, 10, SchemaState.Draft), (10, 0, P), (1, 9, P), (1, 0, SchemaState.Deprecated), (2, 1, P), (1, 99, P));
        await InsertAsync(V(subject with { Entity = subject.Entity + "_x" }, 1, 5));

        var versions = await Schemas.ListVersionsAsync(subject, None);

        Assert.Equal(
            [V(subject, 1, 0), V(subject, 1, 9), V(subject, 1, 10), V(subject, 1, 99), V(subject, 2, 0), V(subject, 2, 1), V(subject, 10, 0)],
            versions.Select(r => r.Fqid));
        Assert.Equal(SchemaState.Draft, versions[2].State);
        AssertSameRecord(Record(V(subject, 10, 0), P), versions[^1]);
        Assert.Empty(await Schemas.ListVersionsAsync(NewSubject(), None));
    }

    [Fact]
    public async Task ListSubjectsAsync_filters_by_domain()
    {
        var domain = NewDomain();
        var other = NewDomain();
        await InsertAsync(V(new SubjectName(domain, "raw", "orders"), 1, 0));
        await InsertAsync(V(new SubjectName(domain, "gdp", "orders"), 1, 0));
        await InsertAsync(V(new SubjectName(domain, "kpi", "revenue"), 1, 0));
        await InsertAsync(V(new SubjectName(other, "raw", "orders"), 1, 0));

        Assert.Equal(
            [new SubjectName(domain, "gdp", "orders"), new SubjectName(domain, "kpi", "revenue"), new SubjectName(domain, "raw", "orders")],
            await SubjectsAsync(new SubjectQuery(domain, null, null)));
        Assert.Equal([new SubjectName(other, "raw", "orders")], await SubjectsAsync(new SubjectQuery(other, null, null)));
        Assert.Empty(await SubjectsAsync(new SubjectQuery(NewDomain(), null, null)));
    }

    [Fact]
    public async Task ListSubjectsAsync_filters_by_layer()
    {
        var domain = NewDomain();
        await InsertAsync(V(new SubjectName(domain, "raw", "orders"), 1, 0));
        await InsertAsync(V(new SubjectName(domain, "gdp", "orders"), 1, 0));
        await InsertAsync(V(new SubjectName(domain, "gdp", "customers"), 1, 0));

        Assert.Equal(
            [new SubjectName(domain, "gdp", "customers"), new SubjectName(domain, "gdp", "orders")],
            await SubjectsAsync(new SubjectQuery(domain, "gdp", null)));
        Assert.Empty(await SubjectsAsync(new SubjectQuery(domain, "kpi", null)));

        var anyDomain = await SubjectsAsync(new SubjectQuery(null, "gdp", null, Limit: 5000));
        Assert.Contains(new SubjectName(domain, "gdp", "orders"), anyDomain);
        Assert.Contains(new SubjectName(domain, "gdp", "customers"), anyDomain);
        Assert.All(anyDomain, s => Assert.Equal("gdp", s.Layer));
    }

    [Fact]
    public async Task ListSubjectsAsync_matches_text_in_subject_owner_or_description_in_any_case()
    {
        var domain = NewDomain();
        var shipments = new SubjectName(domain, "raw", "shipment_events");
        var invoices = new SubjectName(domain, "raw", "invoices");
        var customers = new SubjectName(domain, "gdp", "customers");
        await InsertAsync(V(shipments, 1, 0), owner: "Team-Logistics", description: "Parcels leaving the warehouse");
        await InsertAsync(V(invoices, 1, 0), owner: "finance", description: "Monthly INVOICE totals");
        await InsertAsync(V(customers, 1, 0), owner: "crm", description: "Who buys what");

        Assert.Equal([shipments], await SubjectsAsync(new SubjectQuery(domain, null, "SHIPMENT_Ev")));
        Assert.Equal([shipments], await SubjectsAsync(new SubjectQuery(domain, null, "logistics")));
        Assert.Equal([shipments], await SubjectsAsync(new SubjectQuery(domain, null, "parcels LEAVING")));
        Assert.Equal([invoices], await SubjectsAsync(new SubjectQuery(domain, null, "invoice")));
        Assert.Equal([customers], await SubjectsAsync(new SubjectQuery(domain, null, "WHO BUYS")));
        Assert.Equal([customers], await SubjectsAsync(new SubjectQuery(domain, "gdp", "o")));
        Assert.Equal([customers, invoices, shipments], await SubjectsAsync(new SubjectQuery(null, null, domain.ToUpperInvariant())));
        Assert.Empty(await SubjectsAsync(new SubjectQuery(domain, null, "no such words")));
        Assert.Empty(await SubjectsAsync(new SubjectQuery(domain, "raw", "who buys")));
    }

    [Fact]
    public async Task ListSubjectsAsync_matches_percent_underscore_and_backslash_in_text_literally()
    {
        var domain = NewDomain();
        var underscored = new SubjectName(domain, "raw", "a_b");
        var lookalike = new SubjectName(domain, "raw", "axb");
        var percent = new SubjectName(domain, "gdp", "discounts");
        var spelled = new SubjectName(domain, "gdp", "rebates");
        var path = new SubjectName(domain, "kpi", "paths");
        var slashless = new SubjectName(domain, "kpi", "plain");
        await InsertAsync(V(underscored, 1, 0), description: "plain");
        await InsertAsync(V(lookalike, 1, 0), description: "plain");
        await InsertAsync(V(percent, 1, 0), description: "Up to 50%off today");
        await InsertAsync(V(spelled, 1, 0), description: "Up to 50 percent off today");
        await InsertAsync(V(path, 1, 0), description: @"Loaded from C:\temp\x");
        await InsertAsync(V(slashless, 1, 0), description: "Loaded from C:temp");

        Assert.Equal([underscored], await SubjectsAsync(new SubjectQuery(domain, null, "a_b")));
        Assert.Equal([percent], await SubjectsAsync(new SubjectQuery(domain, null, "50%off")));
        Assert.Equal([path], await SubjectsAsync(new SubjectQuery(domain, null, @"c:\temp")));
        Assert.Equal([percent], await SubjectsAsync(new SubjectQuery(domain, null, "%")));
        Assert.Equal([underscored], await SubjectsAsync(new SubjectQuery(domain, null, "_")));
        Assert.Empty(await SubjectsAsync(new SubjectQuery(domain, null, "loaded%temp")));
    }

    [Fact]
    public async Task ListSubjectsAsync_counts_versions_and_reports_the_latest_published_version_and_last_update()
    {
        var domain = NewDomain();
        var numeric = new SubjectName(domain, "raw", "numeric");
        var majors = new SubjectName(domain, "raw", "majors");
        var drafts = new SubjectName(domain, "raw", "drafts");
        await InsertAsync(V(numeric, 1, 9), P, T0.AddHours(3));
        await InsertAsync(V(numeric, 1, 10), P, T0.AddHours(1));
        await InsertAsync(V(numeric, 2, 0), SchemaState.Deprecated, T0.AddHours(2));
        await InsertAsync(V(numeric, 3, 0), SchemaState.Draft, T0.AddHours(2).AddMilliseconds(1));
        await InsertAsync(V(majors, 1, 99), P, T0);
        await InsertAsync(V(majors, 2, 0), P, T0.AddDays(1));
        await InsertAsync(V(majors, 2, 1), SchemaState.Approved, T0);
        await InsertAsync(V(drafts, 1, 0), SchemaState.Draft, T0.AddMinutes(1));
        await InsertAsync(V(drafts, 1, 1), SchemaState.Rejected, T0);

        var summaries = await Schemas.ListSubjectsAsync(new SubjectQuery(domain, null, null), None);

        Assert.Equal(
            [
                new SubjectSummary(drafts, 2, null, T0.AddMinutes(1)),
                new SubjectSummary(majors, 3, new SchemaVersion(2, 0), T0.AddDays(1)),
                new SubjectSummary(numeric, 4, new SchemaVersion(1, 10), T0.AddHours(3)),
            ],
            summaries);
    }

    [Fact]
    public async Task ListSubjectsAsync_summarises_every_version_of_a_subject_the_text_matches()
    {
        var domain = NewDomain();
        var subject = new SubjectName(domain, "raw", "orders");
        await InsertAsync(V(subject, 1, 0), P, T0, description: "Orders placed in the shop");
        await InsertAsync(V(subject, 2, 0), P, T0.AddDays(1), description: "Orders, renamed and reshaped");
        await InsertAsync(V(subject, 2, 1), SchemaState.Draft, T0.AddDays(2), description: "Orders, renamed again");

        var summaries = await Schemas.ListSubjectsAsync(new SubjectQuery(domain, null, "in the shop"), None);

        // The text selects the subject; the summary still describes all of it.
        Assert.Equal([new SubjectSummary(subject, 3, new SchemaVersion(2, 0), T0.AddDays(2))], summaries);
    }

    [Fact]
    public async Task ListSubjectsAsync_returns_at_most_limit_subjects_in_subject_order()
    {
        var domain = NewDomain();
        foreach (var entity in new[] { "cc", "aa", "dd", "bb" })
        {
            await InsertAsync(V(new SubjectName(domain, "raw", entity), 1, 0));
        }

        Assert.Equal(
            [new SubjectName(domain, "raw", "aa"), new SubjectName(domain, "raw", "bb")],
            await SubjectsAsync(new SubjectQuery(domain, null, null, Limit: 2)));
    }

    private async Task<List<SubjectName>> SubjectsAsync(SubjectQuery query) =>
        [.. (await Schemas.ListSubjectsAsync(query, None)).Select(s => s.Subject)];
}
