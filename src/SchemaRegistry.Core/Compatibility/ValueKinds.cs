namespace SchemaRegistry.Core.Compatibility;

/// <summary>The JSON value kinds a schema admits; <c>number</c> is <see cref="Integer"/> | <see cref="Fraction"/>.</summary>
[Flags]
public enum ValueKinds
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    String = 16,
    Integer = 32,
    Fraction = 64,
    All = 127,
}
