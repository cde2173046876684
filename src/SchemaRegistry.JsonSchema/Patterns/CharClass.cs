namespace SchemaRegistry.JsonSchema.Patterns;

/// <summary>
/// A set of code points as the UTF-8 matcher sees it: an exact set of ASCII characters, and for everything beyond
/// ASCII either all of it or none of it (so membership never needs Unicode tables).
/// </summary>
internal readonly record struct CharClass(ulong Low, ulong High, bool NonAscii)
{
    public static CharClass Of(char c) => c < 64 ? new(1UL << c, 0, false) : new(0, 1UL << (c - 64), false);

    public static CharClass Range(char first, char last)
    {
        var result = default(CharClass);
        for (var c = first; c <= last; c++)
        {
            result = result.Union(Of(c));
        }
        return result;
    }

    public static readonly CharClass Digit = Range('0', '9');

    public static readonly CharClass Word = Range('a', 'z').Union(Range('A', 'Z')).Union(Digit).Union(Of('_'));

    /// <summary><c>.</c> without the s flag: everything but line terminators (U+2028/2029 are checked by the caller).</summary>
    public static readonly CharClass Dot = new CharClass(ulong.MaxValue, ulong.MaxValue, true).Except(Of('\n')).Except(Of('\r'));

    public CharClass Union(CharClass other) => new(Low | other.Low, High | other.High, NonAscii | other.NonAscii);

    public CharClass Except(CharClass other) => new(Low & ~other.Low, High & ~other.High, NonAscii && !other.NonAscii);

    /// <summary>The complement over all code points.</summary>
    public CharClass Negate() => new(~Low, ~High, !NonAscii);

    public bool ContainsAscii(int c) => c < 64 ? (Low & (1UL << c)) != 0 : (High & (1UL << (c - 64))) != 0;
}
