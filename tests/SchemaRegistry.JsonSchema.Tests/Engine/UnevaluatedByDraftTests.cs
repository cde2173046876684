using System.Text;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>
/// unevaluatedProperties and unevaluatedItems exist from 2019-09 on; draft-04 to draft-07 have no such keywords, so
/// there they are unknown keywords, which are ignored — whether the draft is declared in <c>$schema</c> or is the default.
/// </summary>
public sealed class UnevaluatedByDraftTests
{
    public static TheoryData<string, bool> Drafts => new()
    {
        { "http://json-schema.org/draft-04/schema#", false },
        { "http://json-schema.org/draft-06/schema#", false },
        { "http://json-schema.org/draft-07/schema#", false },
        { "https://json-schema.org/draft/2019-09/schema", true },
        { "https://json-schema.org/draft/2020-12/schema", true },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public void UnevaluatedProperties_false_closes_an_object_only_in_the_drafts_that_have_it(string draft, bool applies)
    {
        var schema = CompiledSchema.Compile($$$"""{"$schema":"{{{draft}}}","type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""");

        Assert.True(Valid(schema, """{"a":"x"}"""));
        Assert.Equal(!applies, Valid(schema, """{"a":"x","extra":1}"""));
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void UnevaluatedItems_false_closes_an_array_only_in_the_drafts_that_have_it(string draft, bool applies)
    {
        var tuple = draft.Contains("2020-12", StringComparison.Ordinal) ? "prefixItems" : "items"; // 2020-12 renamed the tuple form
        var schema = CompiledSchema.Compile($$$"""{"$schema":"{{{draft}}}","type":"array","{{{tuple}}}":[{"type":"string"}],"unevaluatedItems":false}""");

        Assert.True(Valid(schema, """["a"]"""));
        Assert.Equal(!applies, Valid(schema, """["a",1]"""));
    }

    [Fact]
    public void A_draft_07_default_dialect_ignores_unevaluatedProperties_too()
    {
        var options = new JsonSchemaOptions { DefaultDialect = Dialect.Draft7 };
        var schema = CompiledSchema.Compile("""{"type":"object","unevaluatedProperties":false}""", options);

        Assert.True(Valid(schema, """{"extra":1}"""));
    }

    private static bool Valid(CompiledSchema schema, string instance) => schema.IsValid(Encoding.UTF8.GetBytes(instance));
}
