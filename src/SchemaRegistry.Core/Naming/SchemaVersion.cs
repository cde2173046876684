using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SchemaRegistry.Core.Naming;

/// <summary>A version <c>vMAJOR.MINOR</c>.</summary>
public readonly record struct SchemaVersion(int Major, int Minor) : IComparable<SchemaVersion>
{
    public override string ToString() => $"v{Major}.{Minor}";

    public int CompareTo(SchemaVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) >= 0;

    public static bool TryParse(string text, [NotNullWhen(true)] out SchemaVersion? version)
    {
        version = null;
        if (text.Length < 4 || text[0] != 'v')
        {
            return false;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !TryParseNumber(text.AsSpan(1, dot - 1), out var major) ||
            !TryParseNumber(text.AsSpan(dot + 1), out var minor))
        {
            return false;
        }
        version = new SchemaVersion(major, minor);
        return true;
    }

    /// <summary>Digits only, no sign, no leading zero (so each version has one spelling), below a million.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 6 || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
