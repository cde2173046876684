namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>The URI component whose character repertoire applies (RFC 3986 section 3).</summary>
internal enum CharKind
{
    UserInfo,
    RegName,
    Path,
    Query,
    Fragment,
}
