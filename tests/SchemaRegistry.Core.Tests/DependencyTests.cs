using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Core.Tests;

/// <summary>
/// The domain depends on no package and, at run time, on nothing of ours: it compiles against the wire project only for
/// the error catalog's constants, which the compiler copies in, so any other use of that project (a message type)
/// would add a reference here and fail.
/// </summary>
public sealed class DependencyTests
{
    [Fact]
    public void Core_references_only_framework_assemblies()
    {
        var references = typeof(Fqid).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name is "netstandard" || name.StartsWith("System", StringComparison.Ordinal), $"Core references {name}."));
    }
}
