using System.Text.RegularExpressions;

namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary><c>--subjects</c>: a glob over Confluent subject names (<c>*</c> any run of characters, <c>?</c> one), whole name, case-sensitive.</summary>
internal sealed class SubjectPattern(string? glob)
{
    private readonly Regex? _regex = glob is null
        ? null
        : new Regex("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    public string? Glob => glob;

    public bool Matches(string subject) => _regex is null || _regex.IsMatch(subject);
}
