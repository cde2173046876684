using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.JsonSchema.Limits;

namespace SchemaRegistry.Bench;

/// <summary>
/// Times what checking a hostile draft costs the registry (issue 22, point 5): the meta-schema pass and the compile
/// of a schema with 15,000, 30,000 and 60,000 boolean properties, of a 50,000-alternative pattern and of a long
/// <c>allOf</c>/<c>$ref</c> chain. Unless <c>--limits off</c>, each input first goes through the registration limits, as
/// the server does; a refused input prints the limit that refused it and how long refusing took.
/// </summary>
internal static class CostCommand
{
    public static int Run(CommandArguments arguments)
    {
        var chain = arguments.Int("chain", 100_000, 1);
        var alternatives = arguments.Int("alternatives", 50_000, 1);
        var useLimits = arguments.Optional("limits", "on") != "off";
        Console.WriteLine("| Input | Bytes | Meta-schema pass s | Compile s | Total s | Process CPU s | Outcome |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var count in new[] { 15_000, 30_000, 60_000 })
        {
            Measure($"{count:N0} boolean properties", Properties(count), useLimits);
        }
        Measure($"pattern of {alternatives:N0} alternatives", Pattern(alternatives), useLimits);
        Measure($"allOf/$ref chain {chain:N0} deep", Chain(chain), useLimits);
        return 0;
    }

    private static void Measure(string name, string schema, bool useLimits)
    {
        var meta = CompiledSchema.Compile("""{"$ref":"https://json-schema.org/draft/2020-12/schema"}""", new JsonSchemaOptions { AssertFormat = false });
        var bytes = Encoding.UTF8.GetBytes(schema);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        string outcome;
        double metaSeconds = 0;
        try
        {
            var limits = useLimits ? SchemaLimits.Check(schema, SchemaLimitOptions.Default) : null;
            if (limits is not null)
            {
                Console.WriteLine($"| {name} | {bytes.Length:N0} | – | – | {watch.Elapsed.TotalSeconds:0.000} | {CpuSince(cpu):0.000} | refused: {limits.Limit} |");
                return;
            }
            var valid = meta.Evaluate(bytes).Valid;
            metaSeconds = watch.Elapsed.TotalSeconds;
            using var document = JsonDocument.Parse(schema);
            CompiledSchema.Compile(document.RootElement);
            outcome = valid ? "compiled" : "meta-schema errors";
        }
        catch (SchemaCompileException e)
        {
            metaSeconds = metaSeconds == 0 ? watch.Elapsed.TotalSeconds : metaSeconds;
            outcome = "refused: " + (e.Message.Length > 80 ? e.Message[..80] + "…" : e.Message);
        }
        var total = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"| {name} | {bytes.Length:N0} | {metaSeconds:0.000} | {total - metaSeconds:0.000} | {total:0.000} | {CpuSince(cpu):0.000} | {outcome} |");
    }

    private static double CpuSince(TimeSpan start) => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;

    internal static string Properties(int count)
    {
        var builder = new StringBuilder("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{""");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("\"p").Append(i).Append("\":true");
        }
        return builder.Append("}}").ToString();
    }

    internal static string Pattern(int alternatives)
    {
        var builder = new StringBuilder("""{"type":"string","pattern":"^(""");
        for (var i = 0; i < alternatives; i++)
        {
            builder.Append(i == 0 ? "" : "|").Append('a').Append(i);
        }
        return builder.Append(")$\"}").ToString();
    }

    internal static string Chain(int depth)
    {
        var builder = new StringBuilder("""{"$ref":"#/$defs/d0","$defs":{""");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("\"d").Append(i).Append("\":{\"allOf\":[{\"$ref\":\"#/$defs/d").Append(i + 1).Append("\"}]}");
        }
        return builder.Append(",\"d").Append(depth).Append("\":true}}").ToString();
    }
}
