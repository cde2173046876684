using System.Diagnostics.CodeAnalysis;

namespace SchemaRegistry.Core.Naming;

/// <summary>A subject: <c>domain.layer.entity</c>, each part lower-case <c>[a-z][a-z0-9_]*</c>.</summary>
public sealed record SubjectName(string Domain, string Layer, string Entity)
{
    public const int MaxPartLength = 64;

    public override string ToString() => $"{Domain}.{Layer}.{Entity}";

    public static bool IsValidPart(string part)
    {
        if (part.Length is 0 or > MaxPartLength || part[0] is < 'a' or > 'z')
        {
            return false;
        }
        foreach (var c in part)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }
        return true;
    }

    public static bool TryParse(string text, Layers layers, [NotNullWhen(true)] out SubjectName? subject, out string error)
    {
        subject = null;
        var parts = text.Split('.');
        if (parts.Length != 3)
        {
            error = $"Subject '{Printable(text)}' must have three parts: domain.layer.entity.";
            return false;
        }
        foreach (var part in parts)
        {
            if (!IsValidPart(part))
            {
                error = $"Subject part '{Printable(part)}' must match [a-z][a-z0-9_]* (at most {MaxPartLength} characters).";
                return false;
            }
        }
        if (!layers.Contains(parts[1]))
        {
            error = $"Layer '{parts[1]}' is not one of the configured layers ({string.Join(", ", layers.Names)}).";
            return false;
        }
        subject = new SubjectName(parts[0], parts[1], parts[2]);
        error = "";
        return true;
    }

    /// <summary>Echoes user input in messages without control characters or unbounded length.</summary>
    public static string Printable(string text)
    {
        var clipped = text.Length > 80 ? text[..80] + "…" : text;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? '?' : c));
    }
}
