namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>The Unicode Bidi_Class values the Bidi rule of RFC 5893 distinguishes.</summary>
internal enum BidiClass
{
    L,
    R,
    AL,
    EN,
    AN,
    ES,
    CS,
    ET,
    ON,
    BN,
    NSM,
}
