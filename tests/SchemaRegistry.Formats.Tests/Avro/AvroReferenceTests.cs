using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Wire;
using static SchemaRegistry.Formats.Tests.Avro.AvroTestFormat;

namespace SchemaRegistry.Formats.Tests.Avro;

public sealed class AvroReferenceTests
{
    private const string Address = """{"type":"record","name":"Address","namespace":"t","fields":[{"name":"street","type":"string"},{"name":"country","type":"t.Country"}]}""";
    private const string Country = """{"type":"enum","name":"Country","namespace":"t","symbols":["FR","DE"]}""";
    private const string Customer = """{"type":"record","name":"Customer","namespace":"t","fields":[{"name":"name","type":"string"},{"name":"home","type":"Address"}]}""";

    private static readonly Dictionary<string, string> Both = new() { ["t.Address"] = Address, ["t.Country"] = Country };

    [Fact]
    public void References_are_parsed_before_the_schema_that_uses_them_whatever_their_order()
    {
        var schema = Parse(Customer, Both);
        var record = Assert.IsType<global::Avro.RecordSchema>(schema.Schema);
        Assert.Equal("t.Address", record.Fields[1].Schema.Fullname);
    }

    [Fact]
    public void Data_is_written_and_read_with_a_schema_whose_types_come_from_references()
    {
        var schema = Parse(Customer, Both);
        var datum = AvroData.WriteThenRead(schema, schema, """{"name":"Ada","home":{"street":"Rue","country":"FR"}}""");
        Assert.Equal("FR", ((global::Avro.Generic.GenericEnum)((global::Avro.Generic.GenericRecord)((global::Avro.Generic.GenericRecord)datum!)["home"])["country"]).Value);
    }

    [Fact]
    public void A_change_inside_a_referenced_type_is_found_at_its_path_through_the_reference()
    {
        var newer = new Dictionary<string, string>(Both) { ["t.Country"] = """{"type":"enum","name":"Country","namespace":"t","symbols":["FR"]}""" };
        var change = Assert.Single(Format.Compare(Parse(Customer, Both), Parse(Customer, newer)).Changes);
        Assert.Equal(ChangeKind.EnumValueRemoved, change.Kind);
        Assert.Equal("/fields/home/fields/country/symbols/DE", change.Path);
        Assert.Equal("\"DE\"", change.Example);
    }

    [Fact]
    public void A_name_used_but_neither_defined_nor_given_as_a_reference_is_refused_and_the_message_says_so()
    {
        var issue = Assert.Single(Refused(Customer, new Dictionary<string, string> { ["t.Country"] = Country }).Issues);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains("Address", issue.Message, StringComparison.Ordinal);
        Assert.Contains("references", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_missing_for_a_reference_is_refused_with_VAL_1304_naming_it()
    {
        var issue = Assert.Single(Refused(Customer, new Dictionary<string, string> { ["t.Address"] = Address }).Issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Equal("/references/t.Address", issue.Path);
        Assert.Contains("t.Country", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_cycle_is_refused_with_VAL_1304_naming_the_cycle()
    {
        var references = new Dictionary<string, string>
        {
            ["t.A"] = """{"type":"record","name":"A","namespace":"t","fields":[{"name":"b","type":"t.B"}]}""",
            ["t.B"] = """{"type":"record","name":"B","namespace":"t","fields":[{"name":"a","type":"t.A"}]}""",
        };
        var issue = Assert.Single(Refused("""{"type":"record","name":"Root","namespace":"t","fields":[{"name":"a","type":"t.A"}]}""", references).Issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Contains("cycle (t.A -> t.B -> t.A)", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_is_not_valid_Avro_is_refused_with_VAL_1304_at_the_reference()
    {
        var issue = Assert.Single(Refused(Customer, new Dictionary<string, string> { ["t.Address"] = """{"type":"record","name":"Address","namespace":"t"}""", ["t.Country"] = Country }).Issues);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Equal("/references/t.Address", issue.Path);
    }

    [Fact]
    public void A_reference_that_does_not_define_the_name_it_is_given_for_is_refused()
    {
        var issue = Assert.Single(Refused(Customer, new Dictionary<string, string> { ["t.Address"] = Country, ["t.Country"] = Country }).Issues);
        Assert.Contains("does not define", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_references_is_parsed_in_order_without_recursion()
    {
        var schema = Parse(ChainRoot, Chain(100));
        Assert.Equal("""{"type":"record","name":"t.Root","fields":[{"name":"first","type":"t.T0"}]}""", Format.Normalise(schema));
        Assert.Empty(Format.Compare(schema, schema).Changes);
    }

    [Fact]
    public void A_chain_of_references_nesting_types_deeper_than_the_bound_is_refused_with_VAL_1103()
    {
        var issue = Assert.Single(Refused(ChainRoot, Chain(2_000)).Issues);
        Assert.Equal(ErrorCode.SchemaOverLimit, issue.Code);
        Assert.Contains("256", issue.Message, StringComparison.Ordinal);
    }

    private const string ChainRoot = """{"type":"record","name":"Root","namespace":"t","fields":[{"name":"first","type":"t.T0"}]}""";

    /// <summary>References T0..T(n-1), each record holding an optional next one: 2 levels of nesting per reference.</summary>
    private static Dictionary<string, string> Chain(int length)
    {
        var references = new Dictionary<string, string>();
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? $$""",{"name":"next","type":["null","t.T{{i + 1}}"],"default":null}""" : "";
            references[$"t.T{i}"] = $$"""{"type":"record","name":"T{{i}}","namespace":"t","fields":[{"name":"v","type":"int"}{{next}}]}""";
        }
        return references;
    }
}
