namespace SchemaRegistry.Data.Readers;

/// <summary>What <see cref="CsvTokenizer.Parse"/> found at the start of the data it was given.</summary>
internal enum CsvParseStatus
{
    /// <summary>A complete row; its fields are in the tokenizer.</summary>
    Row,

    /// <summary>An empty line, skipped.</summary>
    BlankLine,

    /// <summary>The row goes on past the data: read more and parse again from the row's start.</summary>
    NeedMoreData,

    /// <summary>A quoted field runs to the end of the source.</summary>
    UnterminatedQuote,

    /// <summary>No data left and the source has ended.</summary>
    End,
}
