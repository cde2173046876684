using SchemaRegistry.Core.Errors;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>The issues a link collects; a file's issue names the file (empty for the schema itself) and the position.</summary>
internal sealed class LinkIssues
{
    private readonly List<Issue> issues = [];

    public IReadOnlyList<Issue> All => issues;

    public bool Any => issues.Count > 0;

    public void Invalid(string file, SourcePosition position, string message) => Add(ErrorCode.PayloadInvalid, file, position, message);

    public void Unresolved(string file, SourcePosition position, string message) => Add(ErrorCode.ReferenceUnresolved, file, position, message);

    private void Add(string code, string file, SourcePosition position, string message) =>
        issues.Add(new Issue(code, file, file.Length == 0 ? $"{position}: {message}" : $"in import \"{file}\", {position}: {message}"));
}
