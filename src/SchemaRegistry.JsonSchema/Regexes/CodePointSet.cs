using System.Globalization;
using System.Text;

namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>
/// An immutable set of Unicode code points kept as sorted, disjoint, non-adjacent inclusive ranges,
/// and its rendering as a .NET pattern fragment that matches one code point of the set in a UTF-16 string.
/// </summary>
internal sealed class CodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;

    private const int SurrogateFirst = 0xD800;
    private const int SurrogateLast = 0xDFFF;
    private const int CategoryTokenThreshold = 8;

    public static readonly CodePointSet Empty = new([]);

    // Pairs: start0, end0, start1, end1, ...
    private readonly int[] _ranges;

    private CodePointSet(int[] ranges) => _ranges = ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public static CodePointSet Range(int first, int last) => new([first, last]);

    /// <summary>The ranges as (first, last) pairs.</summary>
    public ReadOnlySpan<int> Ranges => _ranges;

    /// <summary>Wraps pairs that are already sorted, disjoint and non-adjacent.</summary>
    public static CodePointSet FromNormalized(int[] ranges) => ranges.Length == 0 ? Empty : new(ranges);

    /// <summary>Builds a set from (first, last) pairs in any order, overlapping or not.</summary>
    public static CodePointSet FromPairs(params ReadOnlySpan<int> pairs)
    {
        var builder = new CodePointSetBuilder();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            builder.Add(pairs[i], pairs[i + 1]);
        }
        return builder.ToSet();
    }

    public bool Contains(int codePoint)
    {
        int lo = 0, hi = (_ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < _ranges[2 * mid])
            {
                hi = mid - 1;
            }
            else if (codePoint > _ranges[(2 * mid) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    public CodePointSet Union(CodePointSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }
        if (IsEmpty)
        {
            return other;
        }
        var builder = new CodePointSetBuilder();
        builder.Add(this);
        builder.Add(other);
        return builder.ToSet();
    }

    public CodePointSet Intersect(CodePointSet other) => Complement().Union(other.Complement()).Complement();

    public CodePointSet Complement()
    {
        var result = new List<int>(_ranges.Length + 2);
        var next = 0;
        for (var i = 0; i < _ranges.Length; i += 2)
        {
            if (_ranges[i] > next)
            {
                result.Add(next);
                result.Add(_ranges[i] - 1);
            }
            next = _ranges[i + 1] + 1;
        }
        if (next <= MaxCodePoint)
        {
            result.Add(next);
            result.Add(MaxCodePoint);
        }
        return new CodePointSet([.. result]);
    }

    /// <summary>
    /// Appends a .NET fragment matching exactly one code point of this set (or, when
    /// <paramref name="negate"/> is set, of its complement). Surrogate code points are never matched
    /// on their own: a supplementary code point is matched as its surrogate pair, so a set can never
    /// match half of a pair. Negation is written as a .NET negated class so that an enclosing
    /// <c>(?i:...)</c> folds case before negating, as ECMA-262 does.
    /// </summary>
    public void AppendPattern(StringBuilder sb, bool negate)
    {
        var bmpBody = new StringBuilder();
        AppendBmpClassBody(bmpBody);

        var astral = AstralRanges(negate);
        string? bmpClass;
        if (negate)
        {
            bmpClass = "[^" + bmpBody + @"\uD800-\uDFFF]";
        }
        else
        {
            bmpClass = bmpBody.Length == 0 ? null : "[" + bmpBody + "]";
        }

        if (astral.Count == 0)
        {
            sb.Append(bmpClass ?? @"[^\0-\uFFFF]");
            return;
        }
        sb.Append("(?:");
        if (bmpClass is not null)
        {
            sb.Append(bmpClass).Append('|');
        }
        AppendSurrogateAlternation(sb, astral);
        sb.Append(')');
    }

    /// <summary>
    /// Writes the basic-plane part of the set, surrogates excluded, as the inside of a .NET class. General
    /// categories wholly inside a large set are written as <c>\p{..}</c>: .NET matches them with the same Unicode
    /// data, and the non-backtracking engine builds its automaton from thousands of explicit ranges very slowly.
    /// </summary>
    private void AppendBmpClassBody(StringBuilder body)
    {
        var builder = new CodePointSetBuilder();
        for (var i = 0; i < _ranges.Length && _ranges[i] <= 0xFFFF; i += 2)
        {
            var first = _ranges[i];
            var last = Math.Min(_ranges[i + 1], 0xFFFF);
            builder.Add(first, Math.Min(last, SurrogateFirst - 1));
            builder.Add(Math.Max(first, SurrogateLast + 1), last);
        }
        var bmp = builder.ToSet();

        if (bmp._ranges.Length >= 2 * CategoryTokenThreshold)
        {
            var covered = new CodePointSetBuilder();
            foreach (var category in Enum.GetValues<UnicodeCategory>())
            {
                var categoryBmp = UnicodeProperties.BasicPlaneCategory(category);
                if (categoryBmp._ranges.Length >= 2 * CategoryTokenThreshold && categoryBmp.IsSubsetOf(bmp))
                {
                    body.Append(@"\p{").Append(UnicodeProperties.ShortName(category)).Append('}');
                    covered.Add(categoryBmp);
                }
            }
            bmp = bmp.Intersect(covered.ToSet().Complement());
        }
        for (var i = 0; i < bmp._ranges.Length; i += 2)
        {
            AppendClassRange(body, bmp._ranges[i], bmp._ranges[i + 1]);
        }
    }

    public bool IsSubsetOf(CodePointSet other)
    {
        var j = 0;
        for (var i = 0; i < _ranges.Length; i += 2)
        {
            while (j < other._ranges.Length && other._ranges[j + 1] < _ranges[i])
            {
                j += 2;
            }
            if (j >= other._ranges.Length || other._ranges[j] > _ranges[i] || other._ranges[j + 1] < _ranges[i + 1])
            {
                return false;
            }
        }
        return true;
    }

    private List<int> AstralRanges(bool negate)
    {
        var list = new List<int>();
        for (var i = 0; i < _ranges.Length; i += 2)
        {
            if (_ranges[i + 1] < 0x10000)
            {
                continue;
            }
            list.Add(Math.Max(_ranges[i], 0x10000));
            list.Add(_ranges[i + 1]);
        }
        if (!negate)
        {
            return list;
        }
        var complement = new List<int>();
        var next = 0x10000;
        for (var i = 0; i < list.Count; i += 2)
        {
            if (list[i] > next)
            {
                complement.Add(next);
                complement.Add(list[i] - 1);
            }
            next = list[i + 1] + 1;
        }
        if (next <= MaxCodePoint)
        {
            complement.Add(next);
            complement.Add(MaxCodePoint);
        }
        return complement;
    }

    private static void AppendSurrogateAlternation(StringBuilder sb, List<int> astral)
    {
        // Each entry: a run of high surrogates [HighFirst, HighLast] that all accept the same low-surrogate ranges.
        var entries = new List<(int HighFirst, int HighLast, List<int> Lows)>();
        void Add(int high, int lowFirst, int lowLast)
        {
            if (entries.Count > 0 && entries[^1].HighFirst == high && entries[^1].HighLast == high)
            {
                entries[^1].Lows.Add(lowFirst);
                entries[^1].Lows.Add(lowLast);
                return;
            }
            entries.Add((high, high, [lowFirst, lowLast]));
        }

        for (var i = 0; i < astral.Count; i += 2)
        {
            int first = astral[i] - 0x10000, last = astral[i + 1] - 0x10000;
            int highFirst = 0xD800 + (first >> 10), lowFirst = 0xDC00 + (first & 0x3FF);
            int highLast = 0xD800 + (last >> 10), lowLast = 0xDC00 + (last & 0x3FF);
            if (highFirst == highLast)
            {
                Add(highFirst, lowFirst, lowLast);
                continue;
            }
            Add(highFirst, lowFirst, 0xDFFF);
            if (highLast - highFirst > 1)
            {
                entries.Add((highFirst + 1, highLast - 1, [0xDC00, 0xDFFF]));
            }
            Add(highLast, 0xDC00, lowLast);
        }

        // Merge neighbouring high-surrogate runs that accept identical low ranges.
        var merged = new List<(int HighFirst, int HighLast, List<int> Lows)>();
        foreach (var entry in entries)
        {
            if (merged.Count > 0 && merged[^1].HighLast + 1 == entry.HighFirst && merged[^1].Lows.SequenceEqual(entry.Lows))
            {
                merged[^1] = (merged[^1].HighFirst, entry.HighLast, merged[^1].Lows);
                continue;
            }
            merged.Add(entry);
        }

        for (var i = 0; i < merged.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('|');
            }
            var (highFirst, highLast, lows) = merged[i];
            if (highFirst == highLast)
            {
                AppendUnit(sb, highFirst);
            }
            else
            {
                sb.Append('[');
                AppendUnit(sb, highFirst);
                sb.Append('-');
                AppendUnit(sb, highLast);
                sb.Append(']');
            }
            if (lows.Count == 2 && lows[0] == lows[1])
            {
                AppendUnit(sb, lows[0]);
                continue;
            }
            sb.Append('[');
            for (var j = 0; j < lows.Count; j += 2)
            {
                AppendClassRange(sb, lows[j], lows[j + 1]);
            }
            sb.Append(']');
        }
    }

    private static int AppendClassRange(StringBuilder sb, int first, int last)
    {
        if (first > last)
        {
            return 0;
        }
        AppendUnit(sb, first);
        if (last != first)
        {
            sb.Append('-');
            AppendUnit(sb, last);
        }
        return 1;
    }

    /// <summary>Appends one UTF-16 code unit in a form that is literal both inside and outside a .NET character class.</summary>
    public static void AppendUnit(StringBuilder sb, int unit)
    {
        if (char.IsAsciiLetterOrDigit((char)unit))
        {
            sb.Append((char)unit);
            return;
        }
        sb.Append(@"\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));
    }
}
