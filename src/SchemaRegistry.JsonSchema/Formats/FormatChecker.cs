namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>Tells whether a string instance is valid for one <c>format</c>.</summary>
internal delegate bool FormatChecker(ReadOnlySpan<char> value);
