using SchemaRegistry.Formats.Protobuf.Descriptors;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>
/// Parses a schema and, depth first, every file it imports: from the references by import path, else from the
/// well-known types; each as <c>.proto</c> text or a base64 FileDescriptorProto. Refuses an import that resolves
/// nowhere (VAL-1304) and an import cycle (VAL-1102).
/// </summary>
internal sealed class ImportLoader(IReadOnlyDictionary<string, string> references, LinkIssues issues)
{
    private static readonly Lazy<Dictionary<string, ProtoFile>> BuiltIns = new(() =>
        WellKnownTypes.Files.ToDictionary(pair => pair.Key, pair => ProtoParser.Parse(pair.Value), StringComparer.Ordinal));

    private const int MaxDepth = 100;

    private readonly Dictionary<string, ProtoFile?> loaded = new(StringComparer.Ordinal);
    private readonly List<string> stack = [];

    /// <summary>Every file loaded, by path; the schema itself under the empty path.</summary>
    public IReadOnlyDictionary<string, ProtoFile?> Files => loaded;

    public ProtoFile? Load(string text) => Load("", () => text, default);

    private ProtoFile? Load(string path, Func<string?> source, SourcePosition importedAt)
    {
        if (stack.Contains(path))
        {
            var cycle = string.Join(" -> ", stack.SkipWhile(item => item != path).Append(path).Select(Describe));
            issues.Invalid(stack[^1], importedAt, $"import cycle: {cycle}");
            return null;
        }

        if (stack.Count > MaxDepth)
        {
            issues.Invalid(stack[^1], importedAt, $"imports nested deeper than {MaxDepth} files are refused");
            return null;
        }

        if (loaded.TryGetValue(path, out var done))
        {
            return done;
        }

        ProtoFile? file;
        if (path.Length > 0 && !references.ContainsKey(path) && BuiltIns.Value.TryGetValue(path, out var builtIn))
        {
            file = builtIn;
        }
        else
        {
            var text = source();
            if (text is null)
            {
                issues.Unresolved(stack[^1], importedAt, $"import \"{path}\" does not resolve: no reference of that name was given and it is not a well-known type");
                loaded[path] = null;
                return null;
            }

            try
            {
                file = SerializedDescriptor.Parse(text);
            }
            catch (ProtoSyntaxException error)
            {
                issues.Invalid(path, error.Position, error.Reason);
                loaded[path] = null;
                return null;
            }
        }

        stack.Add(path);
        foreach (var import in file.Imports)
        {
            Load(import.Path, () => references.GetValueOrDefault(import.Path), import.Position);
        }

        stack.RemoveAt(stack.Count - 1);
        loaded[path] = file;
        return file;
    }

    private static string Describe(string path) => path.Length == 0 ? "(this schema)" : $"\"{path}\"";
}
