using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests;

/// <summary>The domain depends on nothing of ours and on no package: only the .NET base library.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Core_references_only_framework_assemblies()
    {
        var references = typeof(Fqid).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name is "netstandard" || name.StartsWith("System", StringComparison.Ordinal), $"Core references {name}."));
    }
}
