using System.Text.RegularExpressions;

namespace SchemaRegistry.Server.Events;

/// <summary>A subscription's subject filter: an FQID with <c>*</c> wildcards (<c>finance.*</c>, <c>*.gdp.*</c>); empty matches all.</summary>
internal static class SubjectPattern
{
    public static bool Matches(string pattern, string subject)
    {
        if (pattern.Length == 0 || pattern == "*")
        {
            return true;
        }
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(subject, regex, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }
}
