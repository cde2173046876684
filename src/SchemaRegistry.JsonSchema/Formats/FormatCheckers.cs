using System.Collections.Frozen;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// The formats of JSON Schema 2020-12 (and earlier drafts) that can be asserted. Every checker works on the span
/// without allocating, except <c>regex</c> (which parses a copy of the pattern) and the first use of
/// <c>idn-hostname</c>/<c>idn-email</c> script data.
/// </summary>
internal static class FormatCheckers
{
    private static readonly FrozenDictionary<string, FormatChecker> Checkers = new Dictionary<string, FormatChecker>(StringComparer.Ordinal)
    {
        ["date-time"] = DateTimeFormat.IsDateTime,
        ["date"] = DateTimeFormat.IsDate,
        ["time"] = DateTimeFormat.IsTime,
        ["duration"] = DurationFormat.IsDuration,
        ["email"] = EmailFormat.IsEmail,
        ["idn-email"] = EmailFormat.IsIdnEmail,
        ["hostname"] = HostnameFormat.IsHostname,
        ["idn-hostname"] = HostnameFormat.IsIdnHostname,
        ["ipv4"] = IpAddressFormat.IsIPv4,
        ["ipv6"] = IpAddressFormat.IsIPv6,
        ["uri"] = UriFormat.IsUri,
        ["uri-reference"] = UriFormat.IsUriReference,
        ["iri"] = UriFormat.IsIri,
        ["iri-reference"] = UriFormat.IsIriReference,
        ["uri-template"] = UriTemplateFormat.IsUriTemplate,
        ["uuid"] = UuidFormat.IsUuid,
        ["regex"] = static value => EcmaRegex.IsValid(value.ToString()),
        ["json-pointer"] = JsonPointerFormat.IsJsonPointer,
        ["relative-json-pointer"] = JsonPointerFormat.IsRelativeJsonPointer,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The checker for a format name, or null when the format is unknown (then it is only an annotation).</summary>
    public static FormatChecker? Get(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return Checkers.GetValueOrDefault(format);
    }
}
