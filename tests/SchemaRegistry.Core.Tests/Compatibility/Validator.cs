using System.Text;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>The real validator (every draft, $anchor, unevaluated*), for the validity of a table case's instances.</summary>
internal static class Validator
{
    private static readonly JsonSchemaOptions Options = new() { AssertFormat = true };

    public static bool IsValid(string schema, string instance) =>
        CompiledSchema.Compile(schema, Options).IsValid(Encoding.UTF8.GetBytes(instance));
}
