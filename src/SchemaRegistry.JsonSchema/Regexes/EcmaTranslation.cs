namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>An ECMA-262 pattern rewritten in .NET syntax.</summary>
/// <param name="Pattern">The .NET pattern, to be used with <c>RegexOptions.CultureInvariant</c> and no other semantic option.</param>
/// <param name="RequiresBacktracking">
/// True when the pattern uses a construct <c>RegexOptions.NonBacktracking</c> cannot run
/// (backreferences, lookarounds, and the word-boundary and multiline anchors that are written with lookarounds).
/// </param>
internal readonly record struct EcmaTranslation(string Pattern, bool RequiresBacktracking);
