namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>The Punycode transfer encoding of RFC 3492, on spans, without allocating.</summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>Decodes the part of an A-label after <c>xn--</c>. False on malformed input or when it does not fit.</summary>
    public static bool TryDecode(ReadOnlySpan<char> input, Span<int> output, out int length)
    {
        length = 0;
        var delimiter = input.LastIndexOf('-');
        var next = 0;
        if (delimiter >= 0)
        {
            if (delimiter > output.Length)
            {
                return false;
            }
            for (var j = 0; j < delimiter; j++)
            {
                if (input[j] >= 0x80)
                {
                    return false;
                }
                output[length++] = input[j];
            }
            next = delimiter + 1;
        }

        int n = InitialN, i = 0, bias = InitialBias;
        while (next < input.Length)
        {
            int oldI = i, w = 1;
            for (var k = Base; ; k += Base)
            {
                if (next >= input.Length)
                {
                    return false;
                }
                var digit = DigitValue(input[next++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return false;
                }
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }
                if (w > int.MaxValue / (Base - t))
                {
                    return false;
                }
                w *= Base - t;
            }
            bias = Adapt(i - oldI, length + 1, oldI == 0);
            if (i / (length + 1) > int.MaxValue - n)
            {
                return false;
            }
            n += i / (length + 1);
            i %= length + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF || length >= output.Length)
            {
                return false;
            }
            output.Slice(i, length - i).CopyTo(output[(i + 1)..]);
            output[i++] = n;
            length++;
        }
        return true;
    }

    /// <summary>Encodes code points (the part after <c>xn--</c>). False when the result does not fit <paramref name="output"/>.</summary>
    public static bool TryEncode(ReadOnlySpan<int> input, Span<char> output, out int length)
    {
        length = 0;
        var basic = 0;
        foreach (var cp in input)
        {
            if (cp < 0x80)
            {
                if (length >= output.Length)
                {
                    return false;
                }
                output[length++] = (char)cp;
                basic++;
            }
        }
        if (basic > 0)
        {
            if (length >= output.Length)
            {
                return false;
            }
            output[length++] = '-';
        }

        int n = InitialN, delta = 0, bias = InitialBias, handled = basic;
        while (handled < input.Length)
        {
            var m = int.MaxValue;
            foreach (var cp in input)
            {
                if (cp >= n && cp < m)
                {
                    m = cp;
                }
            }
            if ((long)delta + ((long)(m - n) * (handled + 1)) > int.MaxValue)
            {
                return false;
            }
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in input)
            {
                if (cp < n)
                {
                    delta++;
                }
                if (cp != n)
                {
                    continue;
                }
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                    {
                        break;
                    }
                    if (length >= output.Length)
                    {
                        return false;
                    }
                    output[length++] = DigitChar(t + ((q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }
                if (length >= output.Length)
                {
                    return false;
                }
                output[length++] = DigitChar(q);
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return true;
    }

    private static int Adapt(int delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char DigitChar(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);
}
