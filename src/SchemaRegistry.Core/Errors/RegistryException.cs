namespace SchemaRegistry.Core.Errors;

/// <summary>Carries a <see cref="RegistryError"/> up to the edge that reports it.</summary>
public sealed class RegistryException(RegistryError error) : Exception(error.Detail)
{
    public RegistryError Error { get; } = error;
}
