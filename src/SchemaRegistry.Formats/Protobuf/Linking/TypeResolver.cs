using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>
/// Resolves every type name of one file by protobuf's scoping rules: a leading dot names a full name; otherwise the
/// first component is looked up in the innermost scope, then each enclosing one out to the root, and the first scope
/// that holds it must hold the whole name. Only the file's own symbols and those of the files it may see count.
/// </summary>
internal sealed class TypeResolver(string path, ProtoSymbolTable symbols, IReadOnlySet<string> visibleFiles, LinkIssues issues)
{
    public ProtoFile Resolve(ProtoFile file)
    {
        var scope = file.Package ?? "";
        return file with
        {
            Messages = [.. file.Messages.Select(message => Message(message, scope))],
            Services = [.. file.Services.Select(service => Service(service, scope))],
            Extends = [.. file.Extends.Select(extend => Extend(extend, scope))],
        };
    }

    private ProtoMessage Message(ProtoMessage message, string scope)
    {
        var inner = ProtoSymbolTable.Join(scope, message.Name);
        return message with
        {
            Fields = [.. message.Fields.Select(field => Field(field, inner, $"{inner}.{field.Name}"))],
            Messages = [.. message.Messages.Select(nested => Message(nested, inner))],
            Extends = [.. message.Extends.Select(extend => Extend(extend, inner))],
        };
    }

    private ProtoExtend Extend(ProtoExtend extend, string scope) => extend with
    {
        Extendee = Type(extend.Extendee, scope, extend.Position, "the extended message", messageOnly: true),
        Fields = [.. extend.Fields.Select(field => Field(field, scope, $"extension {field.Name}"))],
    };

    private ProtoService Service(ProtoService service, string scope) => service with
    {
        Methods =
        [
            .. service.Methods.Select(method => method with
            {
                Input = Type(method.Input, scope, method.Position, $"the request of rpc {service.Name}.{method.Name}", messageOnly: true),
                Output = Type(method.Output, scope, method.Position, $"the response of rpc {service.Name}.{method.Name}", messageOnly: true),
            }),
        ],
    };

    private ProtoField Field(ProtoField field, string scope, string user) => field with
    {
        Type = Type(field.Type, scope, field.Position, $"field {user}", messageOnly: false),
        MapKey = field.MapKey is null ? null : Type(field.MapKey, scope, field.Position, $"the key of map field {user}", messageOnly: false),
    };

    private ProtoType Type(ProtoType type, string scope, SourcePosition position, string user, bool messageOnly)
    {
        if (type.Kind != ProtoTypeKind.Unresolved)
        {
            return type;
        }

        var symbol = Lookup(type.Name, scope);
        if (symbol is null || !symbol.IsType)
        {
            issues.Unresolved(path, position, $"type '{type.Name}' used by {user} does not resolve to a message or enum in scope '{scope}' or its imports");
            return type;
        }

        if (messageOnly && symbol.Kind != ProtoSymbolKind.Message)
        {
            issues.Invalid(path, position, $"{user} must be a message, but '{symbol.FullName}' is an enum");
        }

        return new ProtoType("." + symbol.FullName, symbol.Kind == ProtoSymbolKind.Message ? ProtoTypeKind.Message : ProtoTypeKind.Enum);
    }

    private ProtoSymbol? Lookup(string name, string scope)
    {
        if (name.StartsWith('.'))
        {
            return Visible(name[1..]);
        }

        var first = name.Split('.')[0];
        var current = scope;
        while (true)
        {
            if (Visible(ProtoSymbolTable.Join(current, first)) is { } found)
            {
                var whole = ProtoSymbolTable.Join(current, name);
                if (first == name)
                {
                    return found;
                }

                // A package or message holding the first part decides the lookup, as protoc does; an enum cannot hold the rest.
                if (found.Kind != ProtoSymbolKind.Enum)
                {
                    return Visible(whole);
                }
            }

            if (current.Length == 0)
            {
                return null;
            }

            var dot = current.LastIndexOf('.');
            current = dot < 0 ? "" : current[..dot];
        }
    }

    private ProtoSymbol? Visible(string fullName) =>
        symbols.Find(fullName) is { } symbol && (symbol.Kind == ProtoSymbolKind.Package || visibleFiles.Contains(symbol.File)) ? symbol : null;
}
