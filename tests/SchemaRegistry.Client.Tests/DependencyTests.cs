using System.Reflection;

namespace SchemaRegistry.Client.Tests;

/// <summary>
/// The resolver SDK stays light: a service that only resolves schemas takes the wire messages and nothing of the
/// engine, the record readers or their packages (the pipeline worker's half is SchemaRegistry.Client.Pipelines).
/// </summary>
public sealed class DependencyTests
{
    private static readonly string[] Forbidden =
        ["SchemaRegistry.Data", "SchemaRegistry.JsonSchema", "SchemaRegistry.Core", "SchemaRegistry.Storage", "SchemaRegistry.Server", "Parquet", "Parquet.Net", "CsvHelper"];

    [Fact]
    public void The_resolver_SDK_references_no_engine_reader_or_domain_assembly_directly_or_through_its_references()
    {
        var reached = Reachable(typeof(SchemaResolver).Assembly);
        Assert.DoesNotContain(reached, name => Forbidden.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Of_our_assemblies_the_resolver_SDK_reaches_only_the_wire_messages()
    {
        var ours = Reachable(typeof(SchemaResolver).Assembly).Where(name => name.StartsWith("SchemaRegistry.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["SchemaRegistry.Wire"], ours);
    }

    /// <summary>Names of every assembly reachable through references, framework assemblies not followed.</summary>
    private static HashSet<string> Reachable(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || !seen.Add(name) || IsFramework(name))
                {
                    continue;
                }
                pending.Enqueue(Assembly.Load(reference));
            }
        }
        return seen;
    }

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal);
}
