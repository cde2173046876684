namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// The shared lazy forms of <c>true</c> and <c>false</c>; subschemas that are one of them use these instances, so
/// "unconstrained" is a reference comparison that forces nothing.
/// </summary>
internal static class LazyNorm
{
    public static readonly Lazy<Norm> Top = new(() => Norm.Top);

    public static readonly Lazy<Norm> Empty = new(() => Norm.Empty);
}
