namespace SchemaRegistry.JsonSchema;

/// <summary>The schema cannot be compiled: unresolvable reference, invalid keyword value, limits exceeded.</summary>
public sealed class SchemaCompileException : Exception
{
    public SchemaCompileException(string message, string location = "", bool unresolvedReference = false)
        : base(message)
    {
        Location = location;
        UnresolvedReference = unresolvedReference;
    }

    /// <summary>Where in the schema (JSON pointer or URI).</summary>
    public string Location { get; }

    /// <summary>True when the cause is a reference that resolves to nothing (VAL-1304 in the registry).</summary>
    public bool UnresolvedReference { get; }
}
