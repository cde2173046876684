namespace SchemaRegistry.Storage.Ports;

/// <summary>Filters for listing subjects; <see cref="Text"/> matches subject, owner or description, any case.</summary>
public sealed record SubjectQuery(string? Domain, string? Layer, string? Text, int Limit = 500);
