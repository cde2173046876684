using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>Every package, message and enum of a set of files by full name (no leading dot).</summary>
internal sealed class ProtoSymbolTable
{
    private readonly Dictionary<string, ProtoSymbol> symbols = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ProtoSymbol> All => symbols.Values;

    public ProtoSymbol? Find(string fullName) => symbols.GetValueOrDefault(fullName);

    public ProtoMessage? Message(ProtoType type) => type.Kind == ProtoTypeKind.Message ? Find(type.FullName)?.Message : null;

    public ProtoEnum? Enum(ProtoType type) => type.Kind == ProtoTypeKind.Enum ? Find(type.FullName)?.Enum : null;

    /// <summary>Adds a file's symbols; returns the full names it defines that were already defined elsewhere.</summary>
    public List<(string Name, string OtherFile, SourcePosition Position)> Add(string path, ProtoFile file)
    {
        var duplicates = new List<(string, string, SourcePosition)>();
        var prefix = "";
        foreach (var part in (file.Package ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            prefix = prefix.Length == 0 ? part : $"{prefix}.{part}";
            if (symbols.TryGetValue(prefix, out var existing) && existing.Kind != ProtoSymbolKind.Package)
            {
                duplicates.Add((prefix, existing.File, new SourcePosition(1, 1)));
            }
            else
            {
                symbols.TryAdd(prefix, new ProtoSymbol(prefix, ProtoSymbolKind.Package, path, file.Syntax, null, null));
            }
        }

        AddTypes(path, file.Syntax, prefix, file.Messages, file.Enums, duplicates);
        return duplicates;
    }

    private void AddTypes(string path, string syntax, string scope, IEnumerable<ProtoMessage> messages, IEnumerable<ProtoEnum> enums, List<(string, string, SourcePosition)> duplicates)
    {
        foreach (var message in messages)
        {
            var name = Join(scope, message.Name);
            if (!symbols.TryAdd(name, new ProtoSymbol(name, ProtoSymbolKind.Message, path, syntax, message, null)))
            {
                duplicates.Add((name, symbols[name].File, message.Position));
            }

            AddTypes(path, syntax, name, message.Messages, message.Enums, duplicates);
        }

        foreach (var @enum in enums)
        {
            var name = Join(scope, @enum.Name);
            if (!symbols.TryAdd(name, new ProtoSymbol(name, ProtoSymbolKind.Enum, path, syntax, null, @enum)))
            {
                duplicates.Add((name, symbols[name].File, @enum.Position));
            }
        }
    }

    public static string Join(string scope, string name) => scope.Length == 0 ? name : $"{scope}.{name}";
}
