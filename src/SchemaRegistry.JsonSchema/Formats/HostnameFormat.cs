namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>hostname</c> (RFC 1123 section 2.1, with A-labels checked per RFC 5890-5893) and <c>idn-hostname</c>
/// (RFC 5890-5893: U-labels, A-labels and the IDNA label separators). A name has at most 253 octets in its
/// ASCII form, no empty label and no trailing dot; labels have 1 to 63 octets (an A-label counts as encoded).
/// </summary>
internal static class HostnameFormat
{
    private const int MaxLabelLength = 63;
    private const int MaxNameLength = 253;

    public static bool IsHostname(ReadOnlySpan<char> value) => IsDomain(value, allowUnicode: false);

    public static bool IsIdnHostname(ReadOnlySpan<char> value) => IsDomain(value, allowUnicode: true);

    private static bool IsSeparator(char c, bool allowUnicode) =>
        c == '.' || (allowUnicode && c is '\u3002' or '\uFF0E' or '\uFF61');

    private static bool IsDomain(ReadOnlySpan<char> value, bool allowUnicode)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        if (TryPlainAscii(value, out var plain))
        {
            return plain;
        }
        Span<int> codePoints = stackalloc int[MaxLabelLength + 1];
        var totalLength = -1;
        var bidiDomain = false;
        var rest = value;
        while (true)
        {
            var end = NextSeparator(rest, allowUnicode);
            var label = rest[..end];
            if (!TryReadLabel(label, allowUnicode, codePoints, out var count, out var asciiLength))
            {
                return false;
            }
            totalLength += asciiLength + 1;
            bidiDomain |= ContainsRightToLeft(codePoints[..count]);
            if (end == rest.Length)
            {
                break;
            }
            rest = rest[(end + 1)..];
        }
        if (totalLength > MaxNameLength)
        {
            return false;
        }
        if (!bidiDomain)
        {
            return true;
        }

        // RFC 5893: once any label is right-to-left, every label of the name must satisfy the Bidi rule.
        rest = value;
        while (true)
        {
            var end = NextSeparator(rest, allowUnicode);
            _ = TryReadLabel(rest[..end], allowUnicode, codePoints, out var count, out _);
            if (!SatisfiesBidiRule(codePoints[..count]))
            {
                return false;
            }
            if (end == rest.Length)
            {
                return true;
            }
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>
    /// The common case decided without code-point tables: letters, digits, '-' and '.', no A-labels and no
    /// reserved "??--" labels. Returns false (undecided) for anything else.
    /// </summary>
    private static bool TryPlainAscii(ReadOnlySpan<char> value, out bool valid)
    {
        valid = false;
        if (value.Length > MaxNameLength || value[^1] == '.')
        {
            return false;
        }
        var labelStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] != '-')
                {
                    return false;
                }
                continue;
            }
            var label = value[labelStart..i];
            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                return false;
            }
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return Decided(out valid, false);
            }
            labelStart = i + 1;
        }
        return Decided(out valid, true);
    }

    private static bool Decided(out bool valid, bool value)
    {
        valid = value;
        return true;
    }

    private static int NextSeparator(ReadOnlySpan<char> text, bool allowUnicode)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSeparator(text[i], allowUnicode))
            {
                return i;
            }
        }
        return text.Length;
    }

    /// <summary>Validates one label and returns its code points (decoded, for an A-label) and its length as sent in DNS.</summary>
    private static bool TryReadLabel(ReadOnlySpan<char> label, bool allowUnicode, Span<int> codePoints, out int count, out int asciiLength)
    {
        count = 0;
        asciiLength = label.Length;
        if (label.IsEmpty)
        {
            return false;
        }
        if (!System.Text.Ascii.IsValid(label))
        {
            if (!allowUnicode || !TryDecodeUtf16(label, codePoints, out count) || !IsValidULabel(codePoints[..count]))
            {
                return false;
            }
            Span<char> encoded = stackalloc char[MaxLabelLength];
            if (!Punycode.TryEncode(codePoints[..count], encoded[4..], out var encodedLength))
            {
                return false;
            }
            asciiLength = encodedLength + 4;
            return asciiLength <= MaxLabelLength;
        }

        if (label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        if (label.Length >= 4 && label[..4].Equals("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return IsValidALabel(label, codePoints, out count);
        }
        for (var i = 0; i < label.Length; i++)
        {
            codePoints[i] = label[i];
        }
        count = label.Length;
        return true;
    }

    private static bool TryDecodeUtf16(ReadOnlySpan<char> text, Span<int> codePoints, out int count)
    {
        count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
            if (count >= MaxLabelLength)
            {
                return false;
            }
            codePoints[count++] = cp;
        }
        return true;
    }

    private static bool IsValidALabel(ReadOnlySpan<char> label, Span<int> codePoints, out int count)
    {
        if (!Punycode.TryDecode(label[4..], codePoints, out count))
        {
            return false;
        }
        var decoded = codePoints[..count];
        var hasNonAscii = false;
        foreach (var cp in decoded)
        {
            hasNonAscii |= cp >= 0x80;
        }
        if (!hasNonAscii || !IsValidULabel(decoded))
        {
            return false;
        }
        // RFC 5891 5.4: the A-label must be the canonical encoding of its U-label.
        Span<char> reencoded = stackalloc char[MaxLabelLength];
        return Punycode.TryEncode(decoded, reencoded, out var length)
            && reencoded[..length].Equals(label[4..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>RFC 5891 4.2.3 and RFC 5892: hyphen placement, leading combining marks, derived properties and context rules.</summary>
    private static bool IsValidULabel(ReadOnlySpan<int> label)
    {
        if (label.IsEmpty || label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }
        if (IdnaTables.IsCombiningMark(label[0]))
        {
            return false;
        }
        for (var i = 0; i < label.Length; i++)
        {
            var ok = IdnaTables.GetProperty(label[i]) switch
            {
                IdnaProperty.Pvalid => true,
                IdnaProperty.ContextJ => SatisfiesContextJ(label, i),
                IdnaProperty.ContextO => SatisfiesContextO(label, i),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static bool SatisfiesContextJ(ReadOnlySpan<int> label, int i)
    {
        if (i > 0 && IdnaTables.IsVirama(label[i - 1]))
        {
            return true;
        }
        if (label[i] != 0x200C)
        {
            return false;
        }
        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        var before = i - 1;
        while (before >= 0 && IdnaTables.GetJoiningType(label[before]) == JoiningType.Transparent)
        {
            before--;
        }
        var after = i + 1;
        while (after < label.Length && IdnaTables.GetJoiningType(label[after]) == JoiningType.Transparent)
        {
            after++;
        }
        return before >= 0 && after < label.Length
            && IdnaTables.GetJoiningType(label[before]) is JoiningType.LeftJoining or JoiningType.DualJoining
            && IdnaTables.GetJoiningType(label[after]) is JoiningType.RightJoining or JoiningType.DualJoining;
    }

    private static bool SatisfiesContextO(ReadOnlySpan<int> label, int i)
    {
        switch (label[i])
        {
            case 0x00B7:
                return i > 0 && label[i - 1] == 'l' && i + 1 < label.Length && label[i + 1] == 'l';
            case 0x0375:
                return i + 1 < label.Length && IdnaTables.IsGreek(label[i + 1]);
            case 0x05F3 or 0x05F4:
                return i > 0 && IdnaTables.IsHebrew(label[i - 1]);
            case 0x30FB:
                foreach (var cp in label)
                {
                    if (IdnaTables.IsHiraganaKatakanaOrHan(cp))
                    {
                        return true;
                    }
                }
                return false;
            case >= 0x0660 and <= 0x0669:
                foreach (var cp in label)
                {
                    if (cp is >= 0x06F0 and <= 0x06F9)
                    {
                        return false;
                    }
                }
                return true;
            default:
                foreach (var cp in label)
                {
                    if (cp is >= 0x0660 and <= 0x0669)
                    {
                        return false;
                    }
                }
                return true;
        }
    }

    private static bool ContainsRightToLeft(ReadOnlySpan<int> label)
    {
        foreach (var cp in label)
        {
            if (cp >= 0x80 && IdnaTables.GetBidiClass(cp) is BidiClass.R or BidiClass.AL or BidiClass.AN)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The six conditions of RFC 5893 section 2.</summary>
    private static bool SatisfiesBidiRule(ReadOnlySpan<int> label)
    {
        var first = IdnaTables.GetBidiClass(label[0]);
        if (first is not (BidiClass.L or BidiClass.R or BidiClass.AL))
        {
            return false;
        }
        var last = label.Length - 1;
        while (last > 0 && IdnaTables.GetBidiClass(label[last]) == BidiClass.NSM)
        {
            last--;
        }
        var lastClass = IdnaTables.GetBidiClass(label[last]);
        if (first == BidiClass.L)
        {
            foreach (var cp in label)
            {
                if (IdnaTables.GetBidiClass(cp) is not (BidiClass.L or BidiClass.EN or BidiClass.ES or BidiClass.CS or BidiClass.ET
                    or BidiClass.ON or BidiClass.BN or BidiClass.NSM))
                {
                    return false;
                }
            }
            return lastClass is BidiClass.L or BidiClass.EN;
        }
        bool hasEn = false, hasAn = false;
        foreach (var cp in label)
        {
            var bidi = IdnaTables.GetBidiClass(cp);
            if (bidi is BidiClass.L)
            {
                return false;
            }
            hasEn |= bidi == BidiClass.EN;
            hasAn |= bidi == BidiClass.AN;
        }
        return !(hasEn && hasAn) && lastClass is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN;
    }
}
