using System.Text.RegularExpressions;
using SchemaRegistry.Testing;
using SchemaRegistry.Ui.Http;

namespace SchemaRegistry.Ui.Tests;

/// <summary>
/// Every form a console page renders has its permission in <see cref="FormPermissions"/>, so <see cref="FormGuard"/>
/// refuses a forged post with AUTH-1002 before any page runs (sign-in and sign-out are for everyone).
/// </summary>
public sealed partial class FormPermissionsTests
{
    private static readonly string[] ForEveryone = ["signin", "signout"];

    [Fact]
    public void Every_form_of_every_page_needs_a_permission()
    {
        var pages = Path.Combine(Repository.Root, "src", "SchemaRegistry.Console", "Components");
        var names = Directory.EnumerateFiles(pages, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => FormName().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetFileName(file), Name: Sample(match.Groups[1].Value))))
            .ToList();

        Assert.True(names.Count >= 20, $"Only {names.Count} forms found under {pages}: the pattern no longer matches the pages.");
        var unguarded = names.Where(n => !ForEveryone.Contains(n.Name) && FormPermissions.Of(n.Name) is null).ToList();
        Assert.True(unguarded.Count == 0, "Forms without a permission: " + string.Join(", ", unguarded.Select(n => $"{n.Name} ({n.File})")));
    }

    /// <summary>A literal name, or an interpolated one (<c>@($"revoke-{key.Id}")</c>) with a sample id in place of each hole.</summary>
    private static string Sample(string name) => Hole().Replace(name.StartsWith("@($\"", StringComparison.Ordinal) ? name[4..^2] : name, "42");

    [GeneratedRegex("@formname=\"(@\\(\\$\"[^\"]*\"\\)|[^\"@]+)\"")]
    private static partial Regex FormName();

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex Hole();
}
