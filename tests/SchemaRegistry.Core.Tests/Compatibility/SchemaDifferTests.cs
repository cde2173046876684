using System.Text.Json;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Tests.Compatibility;

public sealed class SchemaDifferTests
{
    private static readonly Dictionary<string, DiffCase> Cases = DiffCases.All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> CaseNames => [.. DiffCases.All.Select(c => c.Name)];

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static SchemaDiff Diff(DiffCase c) => SchemaDiffer.Diff(Json(c.Old), Json(c.New));

    private static bool? Overall(IEnumerable<bool?> verdicts)
    {
        var list = verdicts.ToList();
        return list.Contains(false) ? false : list.Contains(null) ? null : true;
    }

    private static string Describe(SchemaDiff diff) =>
        string.Join(Environment.NewLine, diff.Changes.Select(c => $"{c.Kind} {c.Path} B={c.Backward} F={c.Forward} ex={c.Example} :: {c.Reason}"));

    [Fact]
    public void The_table_has_at_least_150_distinct_cases()
    {
        Assert.True(DiffCases.All.Length >= 150, $"only {DiffCases.All.Length} cases");
        Assert.Equal(DiffCases.All.Length, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Diff_reports_the_expected_change_kinds(string name)
    {
        var c = Cases[name];
        var diff = Diff(c);
        var actual = diff.Changes.Select(change => change.Kind).Order().ToList();
        Assert.True(c.Kinds.Order().SequenceEqual(actual), $"expected [{string.Join(",", c.Kinds)}], got:{Environment.NewLine}{Describe(diff)}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Diff_reports_the_expected_backward_and_forward_verdicts(string name)
    {
        var c = Cases[name];
        var diff = Diff(c);
        Assert.True(c.Backward == Overall(diff.Changes.Select(x => x.Backward)), $"backward expected {c.Backward}:{Environment.NewLine}{Describe(diff)}");
        Assert.True(c.Forward == Overall(diff.Changes.Select(x => x.Forward)), $"forward expected {c.Forward}:{Environment.NewLine}{Describe(diff)}");
        Assert.Equal(c.Backward == true, diff.IsBackwardCompatible);
        Assert.Equal(c.Forward == true, diff.IsForwardCompatible);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Hand_written_instances_have_the_declared_validity(string name)
    {
        var c = Cases[name];
        Assert.True(c.Instances.Length >= 2, "every case needs a few instances");
        foreach (var instance in c.Instances)
        {
            Assert.True(instance.ValidOld == Validator.IsValid(c.Old, instance.Json), $"{instance.Json} under old");
            Assert.True(instance.ValidNew == Validator.IsValid(c.New, instance.Json), $"{instance.Json} under new");
        }
    }

    /// <summary>
    /// The semantic check: a compatible claim must hold for every instance, and an incompatible claim must be
    /// witnessed by at least one instance. The instances' validity is computed, not trusted.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Claimed_compatibility_agrees_with_the_instances(string name)
    {
        var c = Cases[name];
        var diff = Diff(c);
        var oldSchema = Json(c.Old);
        var newSchema = Json(c.New);
        var verdicts = c.Instances.Select(i => (i.Json, Old: Validator.IsValid(c.Old, i.Json), New: Validator.IsValid(c.New, i.Json))).ToList();
        var backward = Overall(diff.Changes.Select(x => x.Backward));
        var forward = Overall(diff.Changes.Select(x => x.Forward));
        var breaksBackward = verdicts.Where(v => v.Old && !v.New).Select(v => v.Json).ToList();
        var breaksForward = verdicts.Where(v => v.New && !v.Old).Select(v => v.Json).ToList();
        if (backward == true)
        {
            Assert.True(breaksBackward.Count == 0, $"claimed backward compatible, but valid under old and not new: {string.Join(" ", breaksBackward)}");
        }
        else if (backward == false)
        {
            Assert.True(breaksBackward.Count > 0, "claimed backward incompatible without a witness instance");
        }
        if (forward == true)
        {
            Assert.True(breaksForward.Count == 0, $"claimed forward compatible, but valid under new and not old: {string.Join(" ", breaksForward)}");
        }
        else if (forward == false)
        {
            Assert.True(breaksForward.Count > 0, "claimed forward incompatible without a witness instance");
        }
    }

    /// <summary>The cases whose schemas the test checker reads (it throws on anchors and unevaluated*, which the soundness cases use).</summary>
    public static TheoryData<string> CheckerCaseNames => [.. DiffCases.All.Except(DiffCases.Soundness).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CheckerCaseNames))]
    public void Every_example_breaks_what_its_change_claims(string name)
    {
        var c = Cases[name];
        var oldSchema = Json(c.Old);
        var newSchema = Json(c.New);
        foreach (var change in Diff(c).Changes.Where(x => x.Example is not null))
        {
            Assert.True(change.Backward == false || change.Forward == false, $"{change.Kind} at {change.Path} has an example but no incompatibility");
            var example = Json(change.Example!);
            var validOld = MiniSchemaChecker.Valid(SchemaNavigator.ExampleNode(oldSchema, change), example, oldSchema);
            var validNew = MiniSchemaChecker.Valid(SchemaNavigator.ExampleNode(newSchema, change), example, newSchema);
            var (mustOld, mustNew) = change.Backward == false ? (true, false) : (false, true);
            Assert.True(validOld == mustOld && validNew == mustNew,
                $"{change.Kind} at {change.Path}: example {change.Example} valid under old={validOld}, new={validNew}");
        }
    }

    [Fact]
    public void Every_change_has_a_reason()
    {
        foreach (var c in DiffCases.All)
        {
            Assert.All(Diff(c).Changes, change => Assert.False(string.IsNullOrWhiteSpace(change.Reason)));
        }
    }

    [Fact]
    public void Incompatible_cases_mostly_come_with_examples()
    {
        var breaking = DiffCases.All.SelectMany(c => Diff(c).Changes).Where(x => x.Backward == false || x.Forward == false).ToList();
        var withExample = breaking.Count(x => x.Example is not null);
        Assert.True(withExample * 10 >= breaking.Count * 8, $"{withExample} of {breaking.Count} breaking changes have an example");
    }

    [Fact]
    public void Nested_changes_are_reported_at_their_logical_json_pointer_through_refs()
    {
        var diff = Diff(Cases["A change inside a definition is seen through $ref"]);
        var change = Assert.Single(diff.Changes);
        Assert.Equal("/properties/customer/properties/email/maxLength", change.Path);
        Assert.Null(change.Old);
        Assert.Equal("3", change.New);
        Assert.Equal("\"aaaa\"", change.Example);
    }

    [Fact]
    public void Adding_a_typed_property_to_an_open_object_explains_the_open_content_model()
    {
        var change = Assert.Single(Diff(Cases["Adding an optional typed property to an open object is not backward compatible because old data may already carry it"]).Changes);
        Assert.Equal("/properties/b", change.Path);
        Assert.Contains("open", change.Reason, StringComparison.Ordinal);
        Assert.Equal("""{"b":null}""", change.Example);
    }

    [Fact]
    public void Property_names_with_slashes_and_tildes_are_escaped_in_paths()
    {
        var diff = SchemaDiffer.Diff(Json("""{"properties":{"a/b~c":{"type":"string"}}}"""), Json("""{"properties":{"a/b~c":{"type":"integer"}}}"""));
        Assert.Equal("/properties/a~1b~0c/type", Assert.Single(diff.Changes).Path);
    }

    [Fact]
    public void An_external_reference_that_changes_is_unknown()
    {
        var diff = SchemaDiffer.Diff(Json("""{"$ref":"other.json#/A"}"""), Json("""{"$ref":"other.json#/B"}"""));
        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeKind.Unknown, change.Kind);
        Assert.Null(change.Backward);
        Assert.False(diff.IsBackwardCompatible);
    }

    [Fact]
    public void Mutually_recursive_definitions_terminate()
    {
        const string Template = """
            {"$ref":"#/$defs/A","$defs":{
              "A":{"type":"object","properties":{"b":{"$ref":"#/$defs/B"},"n":{"type":"TYPE"}}},
              "B":{"type":"object","properties":{"a":{"$ref":"#/$defs/A"}}}}}
            """;
        var diff = SchemaDiffer.Diff(Json(Template.Replace("TYPE", "integer", StringComparison.Ordinal)), Json(Template.Replace("TYPE", "number", StringComparison.Ordinal)));
        Assert.NotEmpty(diff.Changes);
        Assert.All(diff.Changes, change => Assert.Equal(ChangeKind.TypeWidened, change.Kind));
    }

    [Theory]
    [InlineData("""["string",5]""")]
    [InlineData("""["string","decimal"]""")]
    [InlineData("[]")]
    [InlineData("5")]
    public void A_type_keyword_that_cannot_be_read_is_compared_without_failing(string type)
    {
        // A type list with a non-string entry used to throw (InvalidOperationException) out of `schemareg diff`.
        var diff = SchemaDiffer.Diff(Json("{\"type\":" + type + "}"), Json("""{"type":"string"}"""));
        Assert.NotEmpty(diff.Changes);
    }
}
