using SchemaRegistry.Core.Compatibility;
using static SchemaRegistry.Formats.Tests.Avro.AvroTestFormat;

namespace SchemaRegistry.Formats.Tests.Avro;

public sealed class AvroChangeDetailTests
{
    private const string Order = """
        {"type":"record","name":"Order","namespace":"shop","fields":[
          {"name":"customer","type":{"type":"record","name":"Customer","fields":[{"name":"id","type":"long"}]}},
          {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"totals","type":{"type":"map","values":"int"}},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """;

    private static SchemaChange Only(string older, string newer) => Assert.Single(Format.Compare(Parse(older), Parse(newer)).Changes);

    [Fact]
    public void A_field_added_to_a_nested_record_is_reported_at_its_path_with_the_old_record_as_example()
    {
        var change = Only(Order, Order.Replace("""{"name":"id","type":"long"}""", """{"name":"id","type":"long"},{"name":"email","type":"string"}""", StringComparison.Ordinal));
        Assert.Equal((ChangeKind.FieldAdded, "/fields/customer/fields/email", false, true), (change.Kind, change.Path, change.Backward, change.Forward));
        Assert.Equal("""{"id":1}""", change.Example);
        Assert.Contains("'email'", change.Reason, StringComparison.Ordinal);
        Assert.Contains("without a default", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_enum_symbol_is_reported_at_the_symbol_with_the_symbol_as_example()
    {
        var change = Only(Order, Order.Replace("""["NEW","PAID"]""", """["NEW"]""", StringComparison.Ordinal));
        Assert.Equal((ChangeKind.EnumValueRemoved, "/fields/status/symbols/PAID", "\"PAID\""), (change.Kind, change.Path, change.Example));
    }

    [Fact]
    public void Items_values_and_union_branches_have_their_own_path_segments()
    {
        Assert.Equal("/fields/tags/items", Only(Order, Order.Replace("""{"type":"array","items":"string"}""", """{"type":"array","items":"int"}""", StringComparison.Ordinal)).Path);
        Assert.Equal("/fields/totals/values", Only(Order, Order.Replace("""{"type":"map","values":"int"}""", """{"type":"map","values":"long"}""", StringComparison.Ordinal)).Path);
        var branch = Only(Order, Order.Replace("""["null","string"]""", """["null","string","int"]""", StringComparison.Ordinal));
        Assert.Equal(("/fields/note/union/int", "{\"int\":1}"), (branch.Path, branch.Example));
    }

    [Fact]
    public void A_compatible_change_has_no_example_and_an_incompatible_one_has_one()
    {
        var widened = Only(Order, Order.Replace("""{"name":"id","type":"long"}""", """{"name":"id","type":"double"}""", StringComparison.Ordinal));
        Assert.Equal((true, false), (widened.Backward, widened.Forward));
        Assert.Equal("1.5", widened.Example);
        var doc = Only(Order, Order.Replace("""{"name":"id","type":"long"}""", """{"name":"id","type":"long","doc":"The id."}""", StringComparison.Ordinal));
        Assert.Equal(ChangeKind.DescriptionChanged, doc.Kind);
        Assert.Null(doc.Example);
    }

    [Fact]
    public void A_field_made_required_has_the_null_datum_as_example()
    {
        var change = Format.Compare(Parse(Order), Parse(Order.Replace("""["null","string"],"default":null""", "\"string\"", StringComparison.Ordinal))).Changes
            .Single(c => c.Kind == ChangeKind.UnionBecameType);
        Assert.Equal(("/fields/note", "null", false, true), (change.Path, change.Example, change.Backward, change.Forward));
    }

    [Fact]
    public void Comparing_mutually_recursive_types_ends_and_finds_the_change_once()
    {
        var tree = """{"type":"record","name":"Tree","fields":[{"name":"v","type":"int"},{"name":"kids","type":{"type":"array","items":{"type":"record","name":"Kid","fields":[{"name":"t","type":"Tree"}]}}}]}""";
        var change = Only(tree, tree.Replace("""{"name":"v","type":"int"}""", """{"name":"v","type":"long"}""", StringComparison.Ordinal));
        Assert.Equal(("/fields/v", ChangeKind.TypeWidened), (change.Path, change.Kind));
    }

    [Fact]
    public void The_diff_is_the_same_each_time()
    {
        var newer = Order.Replace("""["NEW","PAID"]""", """["NEW","SENT"]""", StringComparison.Ordinal).Replace("\"string\"]", "\"bytes\"]", StringComparison.Ordinal);
        var first = Format.Compare(Parse(Order), Parse(newer)).Changes;
        Assert.Equal(first, Format.Compare(Parse(Order), Parse(newer)).Changes);
        Assert.True(first.Count >= 3);
    }
}
