namespace SchemaRegistry.Core.Documents;

/// <summary>How a new version must relate to earlier published ones of its subject.</summary>
public enum CompatibilityMode
{
    None,
    Backward,
    Forward,
    Full,
    BackwardTransitive,
    ForwardTransitive,
    FullTransitive,
}
