using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Checks;

public sealed class ReferenceRulesTests
{
    private static Fqid F(string text) => Fqid.Parse(text, Layers.Default);

    [Fact]
    public void Exact_references_are_parsed_without_findings()
    {
        var issues = new List<Issue>();

        var parsed = ReferenceRules.Parse(["finance.gdp.money:v1.0", "crm.raw.person:v2.3"], Layers.Default, issues);

        Assert.Equal([F("finance.gdp.money:v1.0"), F("crm.raw.person:v2.3")], parsed);
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("finance.gdp.money:latest")]
    [InlineData("finance.gdp.money:v1")]
    [InlineData("finance.gdp.money:v0")]
    public void Alias_reference_is_refused_with_VAL_1304(string reference)
    {
        var issues = new List<Issue>();

        var parsed = ReferenceRules.Parse([reference], Layers.Default, issues);

        Assert.Empty(parsed);
        var issue = Assert.Single(issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Equal($"/$ref/{reference}", issue.Path);
        Assert.Contains("alias", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOT AN FQID")]
    [InlineData("finance.gdp.money")]
    [InlineData("finance.silver.money:v1.0")]
    [InlineData("finance.gdp.money:v01.0")]
    [InlineData("finance/gdp/money:v1.0")]
    public void Malformed_reference_is_refused_with_VAL_1304(string reference)
    {
        var issues = new List<Issue>();

        var parsed = ReferenceRules.Parse([reference], Layers.Default, issues);

        Assert.Empty(parsed);
        var issue = Assert.Single(issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Contains("is not a valid FQID", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_reference_is_echoed_without_control_characters()
    {
        var issues = new List<Issue>();

        ReferenceRules.Parse(["finance.gdp.mo\0ney:v1.0"], Layers.Default, issues);

        Assert.DoesNotContain('\0', Assert.Single(issues).Message);
    }

    [Fact]
    public void Malformed_reference_is_echoed_in_the_path_without_control_characters_or_unbounded_length()
    {
        var issues = new List<Issue>();

        ReferenceRules.Parse(["finance.gdp.mo\0ney:v1.0" + new string('x', 1000)], Layers.Default, issues);

        var path = Assert.Single(issues).Path;
        Assert.DoesNotContain('\0', path);
        Assert.True(path.Length < 200, $"path is {path.Length} characters long");
    }

    [Fact]
    public void Mixed_references_keep_the_good_ones_in_order_and_report_the_rest()
    {
        var issues = new List<Issue> { new("VAL-1102", "/type", "an earlier finding") };

        var parsed = ReferenceRules.Parse(
            ["finance.gdp.money:v1.0", "finance.gdp.money:latest", "crm.raw.person:v2.3", "bad"], Layers.Default, issues);

        Assert.Equal([F("finance.gdp.money:v1.0"), F("crm.raw.person:v2.3")], parsed);
        Assert.Equal(["/type", "/$ref/finance.gdp.money:latest", "/$ref/bad"], issues.Select(i => i.Path));
    }

    [Fact]
    public void No_references_means_no_findings()
    {
        var issues = new List<Issue>();

        Assert.Empty(ReferenceRules.Parse([], Layers.Default, issues));
        ReferenceRules.CheckPublished(new Dictionary<Fqid, SchemaState?>(), issues);

        Assert.Empty(issues);
    }

    [Fact]
    public void Published_reference_is_accepted()
    {
        var issues = new List<Issue>();

        ReferenceRules.CheckPublished(new Dictionary<Fqid, SchemaState?> { [F("finance.gdp.money:v1.0")] = SchemaState.Published }, issues);

        Assert.Empty(issues);
    }

    [Fact]
    public void Missing_reference_is_refused_with_VAL_1304()
    {
        var issues = new List<Issue>();

        ReferenceRules.CheckPublished(new Dictionary<Fqid, SchemaState?> { [F("finance.gdp.money:v1.0")] = null }, issues);

        var issue = Assert.Single(issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Equal("/$ref/finance.gdp.money:v1.0", issue.Path);
        Assert.Contains("does not exist", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchemaState.Draft, "draft")]
    [InlineData(SchemaState.Validated, "validated")]
    [InlineData(SchemaState.PendingApproval, "pending_approval")]
    [InlineData(SchemaState.Approved, "approved")]
    [InlineData(SchemaState.Rejected, "rejected")]
    [InlineData(SchemaState.Deprecated, "deprecated")]
    public void Unpublished_reference_is_refused_with_VAL_1304(SchemaState state, string wire)
    {
        var issues = new List<Issue>();

        ReferenceRules.CheckPublished(new Dictionary<Fqid, SchemaState?> { [F("finance.gdp.money:v1.0")] = state }, issues);

        var issue = Assert.Single(issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Equal("/$ref/finance.gdp.money:v1.0", issue.Path);
        Assert.Contains($"is {wire}, not published", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_unresolved_reference_gets_its_own_finding()
    {
        var issues = new List<Issue>();
        var targets = new Dictionary<Fqid, SchemaState?>
        {
            [F("finance.gdp.money:v1.0")] = SchemaState.Published,
            [F("finance.gdp.rate:v1.0")] = null,
            [F("crm.raw.person:v2.3")] = SchemaState.Draft,
        };

        ReferenceRules.CheckPublished(targets, issues);

        Assert.Equal(
            ["/$ref/crm.raw.person:v2.3", "/$ref/finance.gdp.rate:v1.0"],
            issues.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.All(issues, i => Assert.Equal(ErrorCode.ReferenceUnresolved, i.Code));
    }
}
