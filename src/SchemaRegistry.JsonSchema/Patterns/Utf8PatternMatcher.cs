using System.Numerics;

namespace SchemaRegistry.JsonSchema.Patterns;

/// <summary>
/// Runs simple patterns (see <see cref="PatternParser"/>) straight on UTF-8 bytes as a bit-parallel position
/// automaton (Glushkov): at most 64 positions, one pass over the string, no backtracking, so matching time is
/// linear whatever the pattern. Code points beyond ASCII are one unit each, as in ECMA-262's u mode.
/// </summary>
internal sealed class Utf8PatternMatcher
{
    private const int MaxPositions = 64;

    private readonly ulong[] _ascii = new ulong[128];
    private readonly ulong[] _follow;
    private readonly ulong _nonAscii;
    private readonly ulong _nonAsciiLineTerminator;
    private readonly ulong _first;
    private readonly ulong _last;
    private readonly bool _nullable;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    private Utf8PatternMatcher(Builder builder, Fragment root, bool anchoredStart, bool anchoredEnd)
    {
        _follow = builder.Follow.ToArray();
        for (var p = 0; p < builder.Classes.Count; p++)
        {
            var (set, isDot) = builder.Classes[p];
            for (var c = 0; c < 128; c++)
            {
                if (set.ContainsAscii(c))
                {
                    _ascii[c] |= 1UL << p;
                }
            }
            if (set.NonAscii)
            {
                _nonAscii |= 1UL << p;
                if (!isDot)
                {
                    _nonAsciiLineTerminator |= 1UL << p;
                }
            }
        }
        _first = root.First;
        _last = root.Last;
        _nullable = root.Nullable;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
    }

    /// <summary>A matcher for <paramref name="pattern"/>, or null when it is outside the supported subset.</summary>
    public static Utf8PatternMatcher? TryCreate(string pattern)
    {
        if (!PatternParser.TryParse(pattern, out var node, out var anchoredStart, out var anchoredEnd, out _))
        {
            return null;
        }
        var builder = new Builder();
        try
        {
            var root = builder.Build(node!);
            return new Utf8PatternMatcher(builder, root, anchoredStart, anchoredEnd);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>ECMA-262 search semantics: true when some substring matches (anchors pin it to the ends).</summary>
    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        if (_nullable && (!_anchoredEnd || !_anchoredStart))
        {
            // An empty match: at the start (which satisfies ^), or at the end (which satisfies $).
            return true;
        }
        ulong state = 0;
        var index = 0;
        var start = true;
        while (index < utf8.Length)
        {
            var b = utf8[index];
            ulong accept;
            if (b < 0x80)
            {
                // b < 128 = _ascii.Length: the bounds check would only repeat that.
                accept = System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_ascii), b);
                index++;
            }
            else
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                // U+2028 and U+2029 (E2 80 A8/A9) are line terminators, which '.' does not match.
                var lineTerminator = length == 3 && b == 0xE2 && index + 2 < utf8.Length && utf8[index + 1] == 0x80 && (utf8[index + 2] | 1) == 0xA9;
                accept = lineTerminator ? _nonAsciiLineTerminator : _nonAscii;
                index += length;
            }
            var candidates = Follow(state);
            if (start || !_anchoredStart)
            {
                candidates |= _first;
            }
            start = false;
            state = candidates & accept;
            if (!_anchoredEnd && (state & _last) != 0)
            {
                return true;
            }
            if (state == 0 && _anchoredStart)
            {
                return false;
            }
        }
        if ((state & _last) != 0 && _anchoredEnd)
        {
            return true;
        }
        // An empty match: at the end when only the end is anchored, or of the whole (empty) string.
        return _nullable && (!_anchoredStart || utf8.Length == 0);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong Follow(ulong state)
    {
        if ((state & (state - 1)) == 0)
        {
            return state == 0 ? 0 : _follow[BitOperations.TrailingZeroCount(state)];
        }
        ulong next = 0;
        while (state != 0)
        {
            var p = BitOperations.TrailingZeroCount(state);
            next |= _follow[p];
            state &= state - 1;
        }
        return next;
    }

    private readonly record struct Fragment(ulong First, ulong Last, bool Nullable);

    private sealed class Builder
    {
        public List<(CharClass Class, bool IsDot)> Classes { get; } = [];

        public List<ulong> Follow { get; } = [];

        public Fragment Build(PatternNode node) => node switch
        {
            PatternNode.Atom atom => Position(atom.Class, atom.IsDot),
            PatternNode.Sequence sequence => sequence.Items.Aggregate(new Fragment(0, 0, true), (acc, item) => Concat(acc, Build(item))),
            PatternNode.Alternation alternation => alternation.Options.Select(Build).Aggregate((a, b) => new Fragment(a.First | b.First, a.Last | b.Last, a.Nullable || b.Nullable)),
            PatternNode.Repeat repeat => Repeat(repeat),
            _ => throw new InvalidOperationException("unknown node"),
        };

        private Fragment Repeat(PatternNode.Repeat repeat)
        {
            var result = new Fragment(0, 0, true);
            for (var i = 0; i < repeat.Min; i++)
            {
                result = Concat(result, Build(repeat.Item));
            }
            if (repeat.Max is null)
            {
                var loop = Build(repeat.Item);
                Link(loop.Last, loop.First);
                return Concat(result, loop with { Nullable = true });
            }
            // a{2,4} is aa(a(a)?)?: each optional copy may only follow the one before it.
            var optional = new Fragment(0, 0, true);
            for (var i = repeat.Max.Value - repeat.Min; i > 0; i--)
            {
                var copy = Build(repeat.Item);
                optional = Concat(copy, optional) with { Nullable = true };
            }
            return Concat(result, optional);
        }

        private Fragment Position(CharClass set, bool isDot)
        {
            if (Classes.Count == MaxPositions)
            {
                throw new InvalidOperationException("too many positions");
            }
            Classes.Add((set, isDot));
            Follow.Add(0);
            var bit = 1UL << (Classes.Count - 1);
            return new Fragment(bit, bit, false);
        }

        private Fragment Concat(Fragment a, Fragment b)
        {
            Link(a.Last, b.First);
            return new Fragment(a.First | (a.Nullable ? b.First : 0), b.Last | (b.Nullable ? a.Last : 0), a.Nullable && b.Nullable);
        }

        private void Link(ulong from, ulong to)
        {
            while (from != 0)
            {
                var p = BitOperations.TrailingZeroCount(from);
                Follow[p] |= to;
                from &= from - 1;
            }
        }
    }
}
