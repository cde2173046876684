using System.Text.Json.Nodes;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>The drafts the generator writes; the <c>$schema</c> URI selects the validator's dialect.</summary>
internal enum Draft
{
    Draft7,
    Draft201909,
    Draft202012,
}

/// <summary>A generated old schema and a mutation of it, with the mutations applied (for the failure report).</summary>
internal sealed record SchemaPair(Draft Draft, JsonObject Old, JsonObject New, string Mutations)
{
    public string OldText => Old.ToJsonString();

    public string NewText => New.ToJsonString();

    public override string ToString() => $"{Environment.NewLine}  old: {OldText}{Environment.NewLine}  new: {NewText}{Environment.NewLine}  mutations: {Mutations}";

    public static string SchemaUri(Draft draft) => draft switch
    {
        Draft.Draft7 => "http://json-schema.org/draft-07/schema#",
        Draft.Draft201909 => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };
}
