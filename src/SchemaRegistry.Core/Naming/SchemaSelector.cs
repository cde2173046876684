using System.Diagnostics.CodeAnalysis;

namespace SchemaRegistry.Core.Naming;

/// <summary>
/// What a caller asked for: an exact FQID, <c>subject:latest</c> (newest published) or <c>subject:vM</c>
/// (newest published minor of major M). Aliases are resolved to an exact FQID on every read.
/// </summary>
public sealed record SchemaSelector(SubjectName Subject, Fqid? Exact, int? Major)
{
    public bool IsAlias => Exact is null;

    public override string ToString() =>
        Exact?.ToString() ?? (Major is { } m ? $"{Subject}:v{m}" : $"{Subject}:latest");

    public static bool TryParse(string text, Layers layers, [NotNullWhen(true)] out SchemaSelector? selector, out string error)
    {
        selector = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"'{SubjectName.Printable(text)}' is not an FQID: expected subject:vMAJOR.MINOR, subject:vMAJOR or subject:latest.";
            return false;
        }
        if (!SubjectName.TryParse(text[..colon], layers, out var subject, out error))
        {
            return false;
        }
        var tail = text[(colon + 1)..];
        if (tail == "latest")
        {
            selector = new SchemaSelector(subject, null, null);
            return true;
        }
        if (SchemaVersion.TryParse(tail, out var version))
        {
            selector = new SchemaSelector(subject, new Fqid(subject, version.Value), null);
            return true;
        }
        if (tail.Length > 1 && tail[0] == 'v' && SchemaVersion.TryParseNumber(tail.AsSpan(1), out var major))
        {
            selector = new SchemaSelector(subject, null, major);
            return true;
        }
        error = $"Version '{SubjectName.Printable(tail)}' must be vMAJOR.MINOR (e.g. v1.2), vMAJOR or latest.";
        return false;
    }
}
