namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A schema that its format parsed and accepted. Each format derives its own record holding its parsed model; the
/// registry keeps only the text and hands the object back to the format that made it.
/// </summary>
/// <param name="Format">The <see cref="ISchemaFormat.Name"/> of the format that parsed it.</param>
/// <param name="Text">The text as it was given.</param>
public abstract record ParsedSchema(string Format, string Text);
