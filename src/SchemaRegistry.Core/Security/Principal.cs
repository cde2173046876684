namespace SchemaRegistry.Core.Security;

/// <summary>Who is acting: a stable id (the key's id), a display name and the role held.</summary>
public sealed record Principal(string Id, string Name, Role Role);
