using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// One token. <paramref name="Text"/> is the source spelling, except for strings: their decoded value (UTF-8), with
/// <paramref name="Canonical"/> the canonical escaped form used in normalised text.
/// </summary>
internal sealed record Token(TokenKind Kind, string Text, string Canonical, SourcePosition Position)
{
    public bool Is(string symbolOrWord) => (Kind is TokenKind.Symbol or TokenKind.Identifier) && Text == symbolOrWord;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.String => $"the string \"{Canonical}\"",
        _ => $"'{Text}'",
    };
}
