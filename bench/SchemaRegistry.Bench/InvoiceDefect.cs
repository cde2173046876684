namespace SchemaRegistry.Bench;

/// <summary>The ways the generator breaks an invoice on purpose.</summary>
internal enum InvoiceDefect
{
    BadDate,
    BadEmail,
    NegativeAmount,
    UnknownEnum,
    MissingLineItemField,
    ExtraProperty,
    TooLongString,
    PatternMismatch,
    WrongType,
    OutOfRange,
    EmptyLineItems,
    MissingRequiredField,
    NonIntegerQuantity,
}
