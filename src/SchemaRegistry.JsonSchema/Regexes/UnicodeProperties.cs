using System.Collections.Frozen;
using System.Globalization;

namespace SchemaRegistry.JsonSchema.Regexes;

/// <summary>
/// Resolves the body of an ECMA-262 <c>\p{...}</c> escape to a set of code points.
/// General categories are exact for the Unicode version of the running .NET (taken from
/// <see cref="CharUnicodeInfo"/>). .NET has no script data, so <c>Script=</c> and <c>Script_Extensions=</c>
/// values are approximated by the blocks the script lives in (restricted to assigned code points), for the
/// scripts listed here only. Binary properties are supported only where the definition is a short fixed list.
/// </summary>
internal static class UnicodeProperties
{
    private static readonly Lazy<CodePointSet[]> Categories = new(BuildCategories);

    private static readonly FrozenDictionary<string, UnicodeCategory[]> GeneralCategoryNames = BuildGeneralCategoryNames();

    private static readonly FrozenDictionary<string, int[]> ScriptRanges = BuildScripts();

    private static readonly FrozenDictionary<string, int[]> BinaryRanges = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["ASCII"] = [0, 0x7F],
        ["ASCII_Hex_Digit"] = [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
        ["AHex"] = [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
        ["Any"] = [0, CodePointSet.MaxCodePoint],
        ["Bidi_Control"] = [0x061C, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069],
        ["Bidi_C"] = [0x061C, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069],
        ["Hex_Digit"] = [0x30, 0x39, 0x41, 0x46, 0x61, 0x66, 0xFF10, 0xFF19, 0xFF21, 0xFF26, 0xFF41, 0xFF46],
        ["Hex"] = [0x30, 0x39, 0x41, 0x46, 0x61, 0x66, 0xFF10, 0xFF19, 0xFF21, 0xFF26, 0xFF41, 0xFF46],
        ["Join_Control"] = [0x200C, 0x200D],
        ["Join_C"] = [0x200C, 0x200D],
        ["Noncharacter_Code_Point"] = NoncharacterRanges(),
        ["NChar"] = NoncharacterRanges(),
        ["Pattern_White_Space"] = [0x09, 0x0D, 0x20, 0x20, 0x85, 0x85, 0x200E, 0x200F, 0x2028, 0x2029],
        ["Pat_WS"] = [0x09, 0x0D, 0x20, 0x20, 0x85, 0x85, 0x200E, 0x200F, 0x2028, 0x2029],
        ["Regional_Indicator"] = [0x1F1E6, 0x1F1FF],
        ["RI"] = [0x1F1E6, 0x1F1FF],
        ["Variation_Selector"] = [0x180B, 0x180D, 0x180F, 0x180F, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF],
        ["VS"] = [0x180B, 0x180D, 0x180F, 0x180F, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF],
        ["White_Space"] = WhiteSpaceRanges,
        ["space"] = WhiteSpaceRanges,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Binary properties ECMA-262 accepts that need Unicode data .NET does not expose.
    private static readonly FrozenSet<string> UnsupportedBinaryNames = new[]
    {
        "Alphabetic", "Alpha", "Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI", "Cased",
        "Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped", "CWCM", "Changes_When_Lowercased", "CWL",
        "Changes_When_NFKC_Casefolded", "CWKCF", "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU",
        "Dash", "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia", "Emoji",
        "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase", "Emoji_Presentation",
        "EPres", "Extended_Pictographic", "ExtPict", "Extender", "Ext", "Grapheme_Base", "Gr_Base", "Grapheme_Extend",
        "Gr_Ext", "IDS_Binary_Operator", "IDSB", "IDS_Trinary_Operator", "IDST", "ID_Continue", "IDC", "ID_Start",
        "IDS", "Ideographic", "Ideo", "Logical_Order_Exception", "LOE", "Lowercase", "Lower", "Math",
        "Pattern_Syntax", "Pat_Syn", "Quotation_Mark", "QMark", "Radical", "Sentence_Terminal", "STerm",
        "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph", "UIdeo", "Uppercase", "Upper",
        "XID_Continue", "XIDC", "XID_Start", "XIDS",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static int[] WhiteSpaceRanges =>
        [0x09, 0x0D, 0x20, 0x20, 0x85, 0x85, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000];

    private static readonly Lazy<CodePointSet[]> BasicPlaneCategories = new(() =>
        [.. Categories.Value.Select(set => set.Intersect(CodePointSet.Range(0, 0xFFFF)))]);

    // Indexed by UnicodeCategory; the names .NET and Unicode both use.
    private static readonly string[] ShortNames =
        ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cn"];

    public static CodePointSet Category(UnicodeCategory category) => Categories.Value[(int)category];

    public static CodePointSet BasicPlaneCategory(UnicodeCategory category) => BasicPlaneCategories.Value[(int)category];

    public static string ShortName(UnicodeCategory category) => ShortNames[(int)category];

    /// <summary>
    /// Resolves <c>Name=Value</c> or a lone name. Throws <see cref="ArgumentException"/> when ECMA-262 does not
    /// know the property, <see cref="NotSupportedException"/> when it is valid but cannot be honoured here.
    /// </summary>
    public static CodePointSet Resolve(string expression)
    {
        var equals = expression.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            if (GeneralCategoryNames.TryGetValue(expression, out var lone))
            {
                return Union(lone);
            }
            if (string.Equals(expression, "Assigned", StringComparison.Ordinal))
            {
                return Category(UnicodeCategory.OtherNotAssigned).Complement();
            }
            if (BinaryRanges.TryGetValue(expression, out var binary))
            {
                return CodePointSet.FromPairs(binary);
            }
            if (UnsupportedBinaryNames.Contains(expression))
            {
                throw new NotSupportedException($"The Unicode property \\p{{{expression}}} is valid ECMA-262 but not supported: .NET exposes no data for it.");
            }
            throw new ArgumentException($"\\p{{{expression}}} is not a Unicode general category or binary property known to ECMA-262.");
        }

        var name = expression[..equals];
        var value = expression[(equals + 1)..];
        switch (name)
        {
            case "General_Category" or "gc":
                return GeneralCategoryNames.TryGetValue(value, out var categories)
                    ? Union(categories)
                    : throw new ArgumentException($"'{value}' is not a General_Category value.");
            case "Script" or "sc" or "Script_Extensions" or "scx":
                if (ScriptRanges.TryGetValue(value, out var ranges))
                {
                    return CodePointSet.FromPairs(ranges).Intersect(Category(UnicodeCategory.OtherNotAssigned).Complement());
                }
                if (value.Length == 0 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    throw new ArgumentException($"'{value}' is not a script name.");
                }
                throw new NotSupportedException($"The script '{value}' is not supported: .NET has no script data and this script has no block approximation here.");
            default:
                throw new ArgumentException($"'{name}' is not a Unicode property ECMA-262 accepts in \\p{{name=value}} (General_Category, gc, Script, sc, Script_Extensions, scx).");
        }
    }

    private static CodePointSet Union(UnicodeCategory[] categories)
    {
        if (categories.Length == 1)
        {
            return Category(categories[0]);
        }
        var builder = new CodePointSetBuilder();
        foreach (var category in categories)
        {
            builder.Add(Category(category));
        }
        return builder.ToSet();
    }

    private static CodePointSet[] BuildCategories()
    {
        var count = (int)UnicodeCategory.OtherNotAssigned + 1;
        var lists = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = [];
        }
        var runStart = 0;
        var runCategory = CharUnicodeInfo.GetUnicodeCategory(0);
        for (var cp = 1; cp <= CodePointSet.MaxCodePoint + 1; cp++)
        {
            var category = cp <= CodePointSet.MaxCodePoint ? CharUnicodeInfo.GetUnicodeCategory(cp) : (UnicodeCategory)(-1);
            if (category == runCategory)
            {
                continue;
            }
            lists[(int)runCategory].Add(runStart);
            lists[(int)runCategory].Add(cp - 1);
            runStart = cp;
            runCategory = category;
        }
        var sets = new CodePointSet[count];
        for (var i = 0; i < count; i++)
        {
            sets[i] = CodePointSet.FromNormalized([.. lists[i]]);
        }
        return sets;
    }

    private static int[] NoncharacterRanges()
    {
        var ranges = new List<int> { 0xFDD0, 0xFDEF };
        for (var plane = 0; plane <= 0x10; plane++)
        {
            ranges.Add((plane << 16) | 0xFFFE);
            ranges.Add((plane << 16) | 0xFFFF);
        }
        return [.. ranges];
    }

    private static FrozenDictionary<string, UnicodeCategory[]> BuildGeneralCategoryNames()
    {
        var map = new Dictionary<string, UnicodeCategory[]>(StringComparer.Ordinal);
        void Add(UnicodeCategory[] categories, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = categories;
            }
        }
        Add([UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.OtherNotAssigned, UnicodeCategory.PrivateUse, UnicodeCategory.Surrogate], "C", "Other");
        Add([UnicodeCategory.Control], "Cc", "Control", "cntrl");
        Add([UnicodeCategory.Format], "Cf", "Format");
        Add([UnicodeCategory.OtherNotAssigned], "Cn", "Unassigned");
        Add([UnicodeCategory.PrivateUse], "Co", "Private_Use");
        Add([UnicodeCategory.Surrogate], "Cs", "Surrogate");
        Add([UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter], "L", "Letter");
        Add([UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter], "LC", "Cased_Letter");
        Add([UnicodeCategory.LowercaseLetter], "Ll", "Lowercase_Letter");
        Add([UnicodeCategory.ModifierLetter], "Lm", "Modifier_Letter");
        Add([UnicodeCategory.OtherLetter], "Lo", "Other_Letter");
        Add([UnicodeCategory.TitlecaseLetter], "Lt", "Titlecase_Letter");
        Add([UnicodeCategory.UppercaseLetter], "Lu", "Uppercase_Letter");
        Add([UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark, UnicodeCategory.NonSpacingMark], "M", "Mark", "Combining_Mark");
        Add([UnicodeCategory.SpacingCombiningMark], "Mc", "Spacing_Mark");
        Add([UnicodeCategory.EnclosingMark], "Me", "Enclosing_Mark");
        Add([UnicodeCategory.NonSpacingMark], "Mn", "Nonspacing_Mark");
        Add([UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber], "N", "Number");
        Add([UnicodeCategory.DecimalDigitNumber], "Nd", "Decimal_Number", "digit");
        Add([UnicodeCategory.LetterNumber], "Nl", "Letter_Number");
        Add([UnicodeCategory.OtherNumber], "No", "Other_Number");
        Add([UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.FinalQuotePunctuation,
            UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.OtherPunctuation, UnicodeCategory.OpenPunctuation], "P", "Punctuation", "punct");
        Add([UnicodeCategory.ConnectorPunctuation], "Pc", "Connector_Punctuation");
        Add([UnicodeCategory.DashPunctuation], "Pd", "Dash_Punctuation");
        Add([UnicodeCategory.ClosePunctuation], "Pe", "Close_Punctuation");
        Add([UnicodeCategory.FinalQuotePunctuation], "Pf", "Final_Punctuation");
        Add([UnicodeCategory.InitialQuotePunctuation], "Pi", "Initial_Punctuation");
        Add([UnicodeCategory.OtherPunctuation], "Po", "Other_Punctuation");
        Add([UnicodeCategory.OpenPunctuation], "Ps", "Open_Punctuation");
        Add([UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.MathSymbol, UnicodeCategory.OtherSymbol], "S", "Symbol");
        Add([UnicodeCategory.CurrencySymbol], "Sc", "Currency_Symbol");
        Add([UnicodeCategory.ModifierSymbol], "Sk", "Modifier_Symbol");
        Add([UnicodeCategory.MathSymbol], "Sm", "Math_Symbol");
        Add([UnicodeCategory.OtherSymbol], "So", "Other_Symbol");
        Add([UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator], "Z", "Separator");
        Add([UnicodeCategory.LineSeparator], "Zl", "Line_Separator");
        Add([UnicodeCategory.ParagraphSeparator], "Zp", "Paragraph_Separator");
        Add([UnicodeCategory.SpaceSeparator], "Zs", "Space_Separator");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, int[]> BuildScripts()
    {
        var map = new Dictionary<string, int[]>(StringComparer.Ordinal);
        void Add(string longName, string shortName, int[] ranges)
        {
            map[longName] = ranges;
            map[shortName] = ranges;
        }
        Add("Latin", "Latn", [0x41, 0x5A, 0x61, 0x7A, 0xAA, 0xAA, 0xBA, 0xBA, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x2B8, 0x2E0, 0x2E4, 0x1D00, 0x1D25,
            0x1D2C, 0x1D5C, 0x1D62, 0x1D65, 0x1D6B, 0x1D77, 0x1D79, 0x1DBE, 0x1E00, 0x1EFF, 0x2071, 0x2071, 0x207F, 0x207F, 0x2090, 0x209C,
            0x212A, 0x212B, 0x2132, 0x2132, 0x214E, 0x214E, 0x2160, 0x2188, 0x2C60, 0x2C7F, 0xA722, 0xA787, 0xA78B, 0xA7FF, 0xAB30, 0xAB5A,
            0xAB5C, 0xAB64, 0xAB66, 0xAB69, 0xFB00, 0xFB06, 0xFF21, 0xFF3A, 0xFF41, 0xFF5A, 0x10780, 0x107BA, 0x1DF00, 0x1DF2A]);
        Add("Greek", "Grek", [0x370, 0x373, 0x375, 0x377, 0x37A, 0x37D, 0x37F, 0x37F, 0x384, 0x384, 0x386, 0x386, 0x388, 0x3E1, 0x3F0, 0x3FF,
            0x1D26, 0x1D2A, 0x1D5D, 0x1D61, 0x1D66, 0x1D6A, 0x1DBF, 0x1DBF, 0x1F00, 0x1FFE, 0x2126, 0x2126, 0xAB65, 0xAB65, 0x10140, 0x1018E,
            0x101A0, 0x101A0, 0x1D200, 0x1D245]);
        Add("Cyrillic", "Cyrl", [0x400, 0x484, 0x487, 0x52F, 0x1C80, 0x1C8A, 0x1D2B, 0x1D2B, 0x1D78, 0x1D78, 0x2DE0, 0x2DFF, 0xA640, 0xA69F,
            0xFE2E, 0xFE2F, 0x1E030, 0x1E08F]);
        Add("Armenian", "Armn", [0x531, 0x556, 0x559, 0x58A, 0x58D, 0x58F, 0xFB13, 0xFB17]);
        Add("Hebrew", "Hebr", [0x591, 0x5C7, 0x5D0, 0x5EA, 0x5EF, 0x5F4, 0xFB1D, 0xFB4F]);
        Add("Arabic", "Arab", [0x600, 0x604, 0x606, 0x60B, 0x60D, 0x61A, 0x61C, 0x61E, 0x620, 0x63F, 0x641, 0x64A, 0x656, 0x66F, 0x671, 0x6DC,
            0x6DE, 0x6FF, 0x750, 0x77F, 0x870, 0x88E, 0x890, 0x891, 0x897, 0x8E1, 0x8E3, 0x8FF, 0xFB50, 0xFBC2, 0xFBD3, 0xFD3D, 0xFD40, 0xFDCF,
            0xFDF0, 0xFDFF, 0xFE70, 0xFE74, 0xFE76, 0xFEFC, 0x10E60, 0x10E7E, 0x10EC2, 0x10EC4, 0x10EFC, 0x10EFF, 0x1EE00, 0x1EEF1]);
        Add("Syriac", "Syrc", [0x700, 0x70D, 0x70F, 0x74A, 0x74D, 0x74F, 0x860, 0x86A]);
        Add("Thaana", "Thaa", [0x780, 0x7B1]);
        Add("Nko", "Nkoo", [0x7C0, 0x7FA, 0x7FD, 0x7FF]);
        Add("Devanagari", "Deva", [0x900, 0x950, 0x955, 0x963, 0x966, 0x97F, 0xA8E0, 0xA8FF, 0x11B00, 0x11B09]);
        Add("Bengali", "Beng", [0x980, 0x9FE]);
        Add("Gurmukhi", "Guru", [0xA01, 0xA76]);
        Add("Gujarati", "Gujr", [0xA81, 0xAFF]);
        Add("Oriya", "Orya", [0xB01, 0xB77]);
        Add("Tamil", "Taml", [0xB82, 0xBFA, 0x11FC0, 0x11FFF]);
        Add("Telugu", "Telu", [0xC00, 0xC7F]);
        Add("Kannada", "Knda", [0xC80, 0xCF3]);
        Add("Malayalam", "Mlym", [0xD00, 0xD7F]);
        Add("Sinhala", "Sinh", [0xD81, 0xDF4, 0x111E1, 0x111F4]);
        Add("Thai", "Thai", [0xE01, 0xE3A, 0xE40, 0xE5B]);
        Add("Lao", "Laoo", [0xE81, 0xEDF]);
        Add("Tibetan", "Tibt", [0xF00, 0xFD4, 0xFD9, 0xFDA]);
        Add("Myanmar", "Mymr", [0x1000, 0x109F, 0xA9E0, 0xA9FE, 0xAA60, 0xAA7F]);
        Add("Georgian", "Geor", [0x10A0, 0x10FA, 0x10FC, 0x10FF, 0x1C90, 0x1CBF, 0x2D00, 0x2D2D]);
        Add("Hangul", "Hang", [0x1100, 0x11FF, 0x302E, 0x302F, 0x3131, 0x318E, 0x3200, 0x321E, 0x3260, 0x327E, 0xA960, 0xA97C, 0xAC00, 0xD7A3,
            0xD7B0, 0xD7FB, 0xFFA0, 0xFFDC]);
        Add("Ethiopic", "Ethi", [0x1200, 0x139F, 0x2D80, 0x2DDE, 0xAB01, 0xAB2E, 0x1E7E0, 0x1E7FE]);
        Add("Cherokee", "Cher", [0x13A0, 0x13F5, 0x13F8, 0x13FD, 0xAB70, 0xABBF]);
        Add("Khmer", "Khmr", [0x1780, 0x17DD, 0x17E0, 0x17E9, 0x17F0, 0x17F9, 0x19E0, 0x19FF]);
        Add("Mongolian", "Mong", [0x1800, 0x1801, 0x1804, 0x1804, 0x1806, 0x1819, 0x1820, 0x1878, 0x1880, 0x18AA, 0x11660, 0x1166C]);
        Add("Hiragana", "Hira", [0x3041, 0x3096, 0x309D, 0x309F, 0x1B001, 0x1B11F, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1F200, 0x1F200]);
        Add("Katakana", "Kana", [0x30A1, 0x30FA, 0x30FD, 0x30FF, 0x31F0, 0x31FF, 0x32D0, 0x32FE, 0x3300, 0x3357, 0xFF66, 0xFF6F, 0xFF71, 0xFF9D,
            0x1AFF0, 0x1AFFE, 0x1B000, 0x1B000, 0x1B120, 0x1B122, 0x1B155, 0x1B155, 0x1B164, 0x1B167]);
        Add("Han", "Hani", [0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303B,
            0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0x16FE2, 0x16FE3, 0x16FF0, 0x16FF1, 0x20000, 0x2A6DF,
            0x2A700, 0x2EBE0, 0x2F800, 0x2FA1D, 0x30000, 0x323AF]);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
