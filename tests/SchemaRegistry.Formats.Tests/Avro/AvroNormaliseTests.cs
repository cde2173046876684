using static SchemaRegistry.Formats.Tests.Avro.AvroTestFormat;

namespace SchemaRegistry.Formats.Tests.Avro;

public sealed class AvroNormaliseTests
{
    private static string Normal(string text, IReadOnlyDictionary<string, string>? references = null) => Format.Normalise(Parse(text, references));

    [Fact]
    public void Member_order_whitespace_and_namespace_spelling_give_one_normal_form()
    {
        var a = """{"type":"record","name":"Invoice","namespace":"finance","fields":[{"name":"id","type":"long"},{"name":"total","type":{"type":"double"}}]}""";
        var b = """
            {
              "fields": [
                { "type": "long", "name": "id" },
                { "name": "total", "type": "double" }
              ],
              "name": "finance.Invoice",
              "type": "record"
            }
            """;
        Assert.Equal(Normal(a), Normal(b));
    }

    [Fact]
    public void The_normal_form_is_pinned_for_a_schema_with_every_kept_attribute()
    {
        var text = """
            {"type":"record","name":"Invoice","namespace":"finance","doc":"dropped","aliases":["Bill","legacy.Invoice"],"connect.name":"finance.Invoice",
             "fields":[
               {"name":"id","type":"long","doc":"dropped too"},
               {"name":"issued","type":{"type":"long","logicalType":"timestamp-millis"}},
               {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
               {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"],"default":"NEW"},"default":"NEW"},
               {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[{"name":"sku","type":"string","order":"descending"}]}}},
               {"name":"previous","type":["null","Line"],"default":null,"aliases":["prior"]}
             ]}
            """;
        Assert.Equal(
            """{"type":"record","name":"finance.Invoice","aliases":["finance.Bill","legacy.Invoice"],"fields":[{"name":"id","type":"long"},{"name":"issued","type":{"type":"long","logicalType":"timestamp-millis"}},{"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},{"name":"status","type":{"type":"enum","name":"finance.Status","symbols":["NEW","PAID"],"default":"NEW"},"default":"NEW"},{"name":"lines","type":{"type":"array","items":{"type":"record","name":"finance.Line","fields":[{"name":"sku","type":"string","order":"descending"}]}}},{"name":"previous","aliases":["prior"],"type":["null","finance.Line"],"default":null}],"connect.name":"finance.Invoice"}""",
            Normal(text));
    }

    [Fact]
    public void A_documentation_change_keeps_the_normal_form()
    {
        Assert.Equal(
            Normal("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"""),
            Normal("""{"type":"record","name":"R","doc":"A record.","fields":[{"name":"a","type":"int","doc":"A count."}]}"""));
    }

    [Theory]
    [InlineData("""{"name":"a","type":"int","default":1}""", """{"name":"a","type":"int","default":2}""")]
    [InlineData("""{"name":"a","type":"int"}""", """{"name":"a","type":"int","default":1}""")]
    [InlineData("""{"name":"a","type":"int"}""", """{"name":"a","type":"int","aliases":["b"]}""")]
    [InlineData("""{"name":"a","type":"long"}""", """{"name":"a","type":{"type":"long","logicalType":"timestamp-millis"}}""")]
    [InlineData("""{"name":"a","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}}""", """{"name":"a","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":3}}""")]
    [InlineData("""{"name":"a","type":{"type":"enum","name":"E","symbols":["X","Y"]}}""", """{"name":"a","type":{"type":"enum","name":"E","symbols":["Y","X"]}}""")]
    [InlineData("""{"name":"a","type":"int"}""", """{"name":"a","type":"int","order":"ignore"}""")]
    public void What_resolution_or_encoding_depends_on_changes_the_normal_form(string oldField, string newField)
    {
        Assert.NotEqual(
            Normal($$"""{"type":"record","name":"R","fields":[{{oldField}}]}"""),
            Normal($$"""{"type":"record","name":"R","fields":[{{newField}}]}"""));
    }

    [Fact]
    public void Field_order_is_kept_because_the_binary_encoding_follows_it()
    {
        Assert.NotEqual(
            Normal("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"}]}"""),
            Normal("""{"type":"record","name":"R","fields":[{"name":"b","type":"int"},{"name":"a","type":"int"}]}"""));
    }

    [Fact]
    public void Alias_order_and_ascending_order_spelled_out_do_not_change_the_normal_form()
    {
        Assert.Equal(
            Normal("""{"type":"record","name":"R","aliases":["X","Y"],"fields":[{"name":"a","type":"int","aliases":["p","q"]}]}"""),
            Normal("""{"type":"record","name":"R","aliases":["Y","X"],"fields":[{"name":"a","type":"int","aliases":["q","p"],"order":"ascending"}]}"""));
    }

    [Fact]
    public void A_referenced_type_is_written_by_name_so_the_normal_form_is_the_schemas_own()
    {
        var references = new Dictionary<string, string> { ["t.Address"] = """{"type":"record","name":"Address","namespace":"t","fields":[{"name":"street","type":"string"}]}""" };
        Assert.Equal("""{"type":"record","name":"t.Customer","fields":[{"name":"home","type":"t.Address"},{"name":"work","type":"t.Address"}]}""",
            Normal("""{"type":"record","name":"Customer","namespace":"t","fields":[{"name":"home","type":"Address"},{"name":"work","type":"t.Address"}]}""", references));
    }

    [Fact]
    public void The_normal_form_is_a_schema_whose_normal_form_is_itself()
    {
        var text = """{"type":"record","name":"Node","namespace":"t","fields":[{"name":"v","type":{"type":"map","values":{"type":"fixed","name":"H","size":4}}},{"name":"next","type":["null","Node"],"default":null},{"name":"h","type":"H"}]}""";
        var once = Normal(text);
        Assert.Equal(once, Normal(once));
    }
}
