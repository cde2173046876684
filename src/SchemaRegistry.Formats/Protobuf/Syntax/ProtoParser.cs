using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// A recursive-descent parser for <c>.proto</c> text (proto2 and proto3) into the model. It checks the grammar only;
/// names, numbers and types are checked by the linker, which sees every file.
/// </summary>
internal sealed partial class ProtoParser
{
    /// <summary>Deeper nesting than this is refused, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 100;

    private readonly List<Token> tokens;
    private int at;
    private int depth;
    private string syntax = "proto2";

    private ProtoParser(List<Token> tokens) => this.tokens = tokens;

    public static ProtoFile Parse(string text) => new ProtoParser(ProtoTokenizer.Tokenize(text)).File();

    private Token Peek => tokens[at];

    private Token PeekAt(int ahead) => tokens[Math.Min(at + ahead, tokens.Count - 1)];

    private Token Take()
    {
        var token = tokens[at];
        if (token.Kind != TokenKind.End)
        {
            at++;
        }

        return token;
    }

    private bool TryTake(string symbol)
    {
        if (!Peek.Is(symbol))
        {
            return false;
        }

        at++;
        return true;
    }

    private Token Expect(string symbol, string context)
    {
        if (!Peek.Is(symbol))
        {
            throw Expected($"'{symbol}' {context}");
        }

        return Take();
    }

    private string Identifier(string what)
    {
        if (Peek.Kind != TokenKind.Identifier)
        {
            throw Expected(what);
        }

        return Take().Text;
    }

    private ProtoSyntaxException Expected(string what) => new(Peek.Position, $"expected {what}, found {Peek.Describe()}");

    private ProtoFile File()
    {
        string? package = null;
        var imports = new List<ProtoImport>();
        var options = new List<ProtoOption>();
        var messages = new List<ProtoMessage>();
        var enums = new List<ProtoEnum>();
        var services = new List<ProtoService>();
        var extends = new List<ProtoExtend>();
        if (Peek.Is("syntax"))
        {
            Syntax();
        }
        else if (Peek.Is("edition"))
        {
            throw new ProtoSyntaxException(Peek.Position, "editions are not supported: write syntax = \"proto2\" or \"proto3\"");
        }

        while (Peek.Kind != TokenKind.End)
        {
            var token = Peek;
            switch (token.Text)
            {
                case ";" when token.Kind == TokenKind.Symbol:
                    at++;
                    break;
                case "syntax" or "edition" when token.Kind == TokenKind.Identifier:
                    throw new ProtoSyntaxException(token.Position, $"'{token.Text}' must be the first statement of the file");
                case "package" when token.Kind == TokenKind.Identifier:
                    at++;
                    if (package is not null)
                    {
                        throw new ProtoSyntaxException(token.Position, "a file has at most one package statement");
                    }

                    package = FullIdentifier("a package name");
                    Expect(";", "after the package name");
                    break;
                case "import" when token.Kind == TokenKind.Identifier:
                    imports.Add(Import());
                    break;
                case "option" when token.Kind == TokenKind.Identifier:
                    options.Add(OptionStatement());
                    break;
                case "message" when token.Kind == TokenKind.Identifier:
                    messages.Add(Message());
                    break;
                case "enum" when token.Kind == TokenKind.Identifier:
                    enums.Add(Enum());
                    break;
                case "service" when token.Kind == TokenKind.Identifier:
                    services.Add(Service());
                    break;
                case "extend" when token.Kind == TokenKind.Identifier:
                    extends.Add(Extend());
                    break;
                default:
                    throw Expected("a top-level statement (syntax, package, import, option, message, enum, service, extend)");
            }
        }

        return new ProtoFile(syntax, package, imports, options, messages, enums, services, extends);
    }

    private void Syntax()
    {
        at++;
        Expect("=", "after 'syntax'");
        if (Peek.Kind != TokenKind.String)
        {
            throw Expected("\"proto2\" or \"proto3\"");
        }

        var value = Take();
        if (value.Text is not ("proto2" or "proto3"))
        {
            throw new ProtoSyntaxException(value.Position, $"unknown syntax \"{value.Canonical}\": expected \"proto2\" or \"proto3\"");
        }

        syntax = value.Text;
        Expect(";", "after the syntax");
    }

    private ProtoImport Import()
    {
        var position = Take().Position;
        var kind = ProtoImportKind.Default;
        if (TryTake("public"))
        {
            kind = ProtoImportKind.Public;
        }
        else if (TryTake("weak"))
        {
            kind = ProtoImportKind.Weak;
        }

        if (Peek.Kind != TokenKind.String)
        {
            throw Expected("the imported file's path as a string");
        }

        var path = StringValue();
        Expect(";", "after the import");
        return new ProtoImport(path, kind, position);
    }

    /// <summary>Adjacent string literals are one string, as in C.</summary>
    private string StringValue()
    {
        var value = Take().Text;
        while (Peek.Kind == TokenKind.String)
        {
            value += Take().Text;
        }

        return value;
    }

    private string FullIdentifier(string what)
    {
        var name = Identifier(what);
        while (Peek.Is(".") && PeekAt(1).Kind == TokenKind.Identifier)
        {
            at++;
            name += "." + Take().Text;
        }

        return name;
    }

    /// <summary>A type reference: a scalar keyword, or a dotted name that may start with a dot (fully qualified).</summary>
    private ProtoType TypeReference(string what)
    {
        var leadingDot = TryTake(".");
        var name = FullIdentifier(what);
        if (!leadingDot && ProtoType.Scalars.Contains(name))
        {
            return new ProtoType(name, ProtoTypeKind.Scalar);
        }

        return new ProtoType(leadingDot ? "." + name : name, ProtoTypeKind.Unresolved);
    }

    /// <summary>
    /// Steps to a block's next statement, skipping empty ones: false at the block's closing brace; the end of the text
    /// inside a block is an error naming the block and where it opened.
    /// </summary>
    private bool InBlock(string block, SourcePosition opened)
    {
        while (TryTake(";"))
        {
        }

        if (TryTake("}"))
        {
            return false;
        }

        if (Peek.Kind == TokenKind.End)
        {
            throw new ProtoSyntaxException(Peek.Position, $"expected '}}' to close {block} (opened at {opened}), found the end of the text");
        }

        return true;
    }

    private void Enter(SourcePosition position)
    {
        if (++depth > MaxDepth)
        {
            throw new ProtoSyntaxException(position, $"nesting deeper than {MaxDepth} levels is refused");
        }
    }

    private void Leave() => depth--;
}
