namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>The IDNA2008 derived property of a code point (RFC 5892 section 2).</summary>
internal enum IdnaProperty
{
    Disallowed,
    Pvalid,
    ContextJ,
    ContextO,
}
