using System.Reflection;

namespace SchemaRegistry.Server.Hosting;

/// <summary>The product version every assembly is built with (MinVer, from the newest vX.Y.Z tag): the package version.</summary>
public static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
