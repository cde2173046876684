namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Why a record did not pass: the catalog code (PIPE-1002 for a value rule, PIPE-1204 for drift), the keyword or
/// drift kind, the instance path (JSON pointer for validation errors, dotted field path for drift) and a message.
/// </summary>
public sealed record RecordReason(string Code, string Keyword, string Path, string Message);
