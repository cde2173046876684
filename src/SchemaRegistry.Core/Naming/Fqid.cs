using System.Diagnostics.CodeAnalysis;

namespace SchemaRegistry.Core.Naming;

/// <summary>A fully qualified schema id: <c>domain.layer.entity:vMAJOR.MINOR</c>.</summary>
public sealed record Fqid(SubjectName Subject, SchemaVersion Version)
{
    public override string ToString() => $"{Subject}:{Version}";

    /// <summary>Relative blob key of the published definition: <c>schemas/{domain}/{layer}/{entity}/vM.m.json</c>.</summary>
    public string BlobKey => $"schemas/{Subject.Domain}/{Subject.Layer}/{Subject.Entity}/{Version}.json";

    public static bool TryParse(string text, Layers layers, [NotNullWhen(true)] out Fqid? fqid, out string error)
    {
        fqid = null;
        if (!SchemaSelector.TryParse(text, layers, out var selector, out error))
        {
            return false;
        }
        if (selector.Exact is null)
        {
            error = $"'{SubjectName.Printable(text)}' is an alias; an exact version (subject:vMAJOR.MINOR) is required here.";
            return false;
        }
        fqid = selector.Exact;
        return true;
    }

    public static Fqid Parse(string text, Layers layers) =>
        TryParse(text, layers, out var fqid, out var error) ? fqid : throw new FormatException(error);
}
