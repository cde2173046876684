using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Every compatibility claim of the table confronted with generated data and the real validator: when the diff
/// says backward compatible, no generated record valid under the old schema may be rejected by the new one (and
/// the mirror for forward).
/// </summary>
public sealed class GeneratedDataTests
{
    public static TheoryData<string> CaseNames => SchemaDifferTests.CaseNames;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compatibility_claims_hold_for_generated_data(string name)
    {
        var c = DiffCases.All.Single(x => x.Name == name);
        using var oldDocument = JsonDocument.Parse(c.Old);
        using var newDocument = JsonDocument.Parse(c.New);
        var diff = SchemaDiffer.Diff(oldDocument.RootElement, newDocument.RootElement);
        var options = new JsonSchemaOptions { AssertFormat = true };
        var oldSchema = CompiledSchema.Compile(c.Old, options);
        var newSchema = CompiledSchema.Compile(c.New, options);
        var seed = name.Aggregate(17, (hash, ch) => unchecked((hash * 31) + ch));
        var generator = new InstanceGenerator(oldDocument.RootElement, newDocument.RootElement, seed);
        foreach (var instance in generator.Generate(300))
        {
            var bytes = Encoding.UTF8.GetBytes(instance);
            var validOld = oldSchema.IsValid(bytes);
            var validNew = newSchema.IsValid(bytes);
            Assert.False(diff.IsBackwardCompatible && validOld && !validNew,
                $"{instance} is valid under the old schema and rejected by the new one, but the diff claims backward compatibility.");
            Assert.False(diff.IsForwardCompatible && validNew && !validOld,
                $"{instance} is valid under the new schema and rejected by the old one, but the diff claims forward compatibility.");
        }
    }
}
