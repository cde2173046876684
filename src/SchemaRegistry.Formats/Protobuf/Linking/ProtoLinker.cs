using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>Parses a schema with its imports, resolves every type name and checks the rules: the whole of Parse.</summary>
internal static class ProtoLinker
{
    public static FormatParse Link(string text, IReadOnlyDictionary<string, string> references)
    {
        var issues = new LinkIssues();
        var loader = new ImportLoader(references, issues);
        var main = loader.Load(text);
        if (issues.Any || main is null)
        {
            return FormatParse.Refused(issues.All);
        }

        var files = loader.Files.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
        var parsedSymbols = new ProtoSymbolTable();
        foreach (var (path, file) in files)
        {
            foreach (var (name, other, position) in parsedSymbols.Add(path, file))
            {
                issues.Invalid(path, position, $"'{name}' is defined twice (also in {(other.Length == 0 ? "this schema" : $"\"{other}\"")})");
            }
        }

        var resolved = new Dictionary<string, ProtoFile>(StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            resolved[path] = new TypeResolver(path, parsedSymbols, Visible(path, files), issues).Resolve(file);
        }

        var symbols = new ProtoSymbolTable();
        foreach (var (path, file) in resolved)
        {
            symbols.Add(path, file);
        }

        foreach (var (path, file) in resolved)
        {
            new ProtoChecks(path, file, symbols, issues).Check();
        }

        return issues.Any
            ? FormatParse.Refused(issues.All)
            : FormatParse.Accepted(new ProtobufParsedSchema(text, resolved[""], resolved, symbols));
    }

    /// <summary>A file sees itself, what it imports, and what those re-export through <c>import public</c>, transitively.</summary>
    private static HashSet<string> Visible(string path, IReadOnlyDictionary<string, ProtoFile> files)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal) { path };
        var pending = new Stack<string>(files[path].Imports.Select(import => import.Path));
        while (pending.TryPop(out var next))
        {
            if (visible.Add(next) && files.TryGetValue(next, out var file))
            {
                foreach (var import in file.Imports.Where(import => import.Kind == ProtoImportKind.Public))
                {
                    pending.Push(import.Path);
                }
            }
        }

        return visible;
    }
}
