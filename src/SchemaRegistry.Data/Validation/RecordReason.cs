namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Why a record did not pass: the catalog code (PIPE-1002 for a value rule, PIPE-1204 for drift), the keyword or
/// drift kind, the instance path as a JSON pointer (<c>/lines/*/sku</c> for drift in any element of an array) and a message.
/// </summary>
public sealed record RecordReason(string Code, string Keyword, string Path, string Message);
