namespace SchemaRegistry.Core.Errors;

/// <summary>One finding of a check: a code, where it was found, and a sentence a person can act on.</summary>
public sealed record Issue(string Code, string Path, string Message);
