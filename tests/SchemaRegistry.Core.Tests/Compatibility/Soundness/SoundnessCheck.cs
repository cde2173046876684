using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>Counts of one property run, for the report.</summary>
internal sealed class SoundnessStats
{
    public int Pairs { get; set; }

    public int Uncompilable { get; set; }

    public int Claims { get; set; }

    public int Instances { get; set; }

    public override string ToString() =>
        $"{Pairs} schema pairs ({Uncompilable} not compilable, skipped); {Claims} with a backward or forward compatibility claim, confronted with {Instances} instances";
}

/// <summary>A compatibility claim the validator contradicts: the pair, the instance and which way it breaks.</summary>
internal sealed class UnsoundClaimException(string message) : Exception(message);

/// <summary>
/// The soundness property for one pair: when the diff claims backward compatibility no searched instance valid under
/// the old schema is rejected by the new one, and the mirror for forward.
/// </summary>
internal static class SoundnessCheck
{
    private const int MaxBases = 8;
    private const int MaxNeighbours = 80;
    private static readonly JsonSchemaOptions Options = new() { AssertFormat = true };

    public static void Run(SchemaPair pair, SoundnessStats stats)
    {
        stats.Pairs++;
        CompiledSchema oldSchema;
        CompiledSchema newSchema;
        try
        {
            oldSchema = CompiledSchema.Compile(pair.OldText, Options);
            newSchema = CompiledSchema.Compile(pair.NewText, Options);
        }
        catch (SchemaCompileException)
        {
            stats.Uncompilable++;
            return;
        }
        using var oldDocument = JsonDocument.Parse(pair.OldText);
        using var newDocument = JsonDocument.Parse(pair.NewText);
        var diff = SchemaDiffer.Diff(oldDocument.RootElement, newDocument.RootElement);
        var backward = diff.IsBackwardCompatible;
        var forward = diff.IsForwardCompatible;
        if (!backward && !forward)
        {
            return;
        }
        stats.Claims++;
        var seed = StringComparer.Ordinal.GetHashCode(pair.OldText + pair.NewText);
        var search = new InstanceSearch(pair.Old, pair.New, seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bases = new List<JsonNode?>();
        var randomInstances = new InstanceGenerator(oldDocument.RootElement, newDocument.RootElement, seed).Generate(40).Select(t => JsonNode.Parse(t));
        foreach (var instance in search.Instances().Concat(randomInstances))
        {
            if (Confront(instance) && bases.Count < MaxBases)
            {
                bases.Add(instance);
            }
        }
        foreach (var instance in bases.SelectMany(b => search.Neighbours(b).Take(MaxNeighbours)))
        {
            Confront(instance);
        }

        // True when the instance is valid under a side whose claim it could break (worth varying).
        bool Confront(JsonNode? instance)
        {
            var text = instance?.ToJsonString() ?? "null";
            if (!seen.Add(text))
            {
                return false;
            }
            stats.Instances++;
            var bytes = Encoding.UTF8.GetBytes(text);
            var validOld = oldSchema.IsValid(bytes);
            var validNew = newSchema.IsValid(bytes);
            if ((backward && validOld && !validNew) || (forward && validNew && !validOld))
            {
                var direction = validOld ? "backward" : "forward";
                throw new UnsoundClaimException(
                    $"The diff claims {direction} compatibility, but {text} is valid under the {(validOld ? "old" : "new")} schema and rejected by the {(validOld ? "new" : "old")} one."
                    + $"{pair}{Environment.NewLine}  instance: {text}{Environment.NewLine}  changes: "
                    + string.Join("; ", diff.Changes.Select(c => $"{c.Kind} {c.Path} B={c.Backward} F={c.Forward}")));
            }
            return (backward && validOld) || (forward && validNew);
        }
    }
}
