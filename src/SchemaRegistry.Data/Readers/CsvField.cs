namespace SchemaRegistry.Data.Readers;

/// <summary>
/// One field of the row <see cref="CsvTokenizer"/> last parsed: where its text is (in the parsed data, or in the
/// tokenizer's scratch when unescaping changed it) and whether it was quoted.
/// </summary>
internal readonly record struct CsvField(int Start, int Length, bool Quoted, bool InScratch);
