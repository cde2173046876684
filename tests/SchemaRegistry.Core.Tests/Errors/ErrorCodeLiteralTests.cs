using System.Reflection;
using System.Text.RegularExpressions;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Errors;

/// <summary>
/// The catalog (<see cref="ErrorCode"/>) is the only place an error code is spelled: a code written as a string literal
/// anywhere else under src/ (the server, the SDK, the CLI, the readers) fails here. Comments may name codes.
/// </summary>
public sealed partial class ErrorCodeLiteralTests
{
    private static readonly string[] Codes = typeof(ErrorCode).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public void No_string_literal_under_src_spells_an_error_code_outside_the_catalog()
    {
        var prefixes = Codes.Select(c => c[..c.IndexOf('-', StringComparison.Ordinal)]).Distinct().ToList();
        var code = new Regex($@"\b({string.Join('|', prefixes)})-\d{{4}}\b", RegexOptions.CultureInvariant);
        var catalog = Path.Combine(SourceRoot(), "SchemaRegistry.Wire", "ErrorCode.cs");
        var found = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file) && file != catalog)
            .SelectMany(file => CSharpText.StringLiterals(File.ReadAllText(file))
                .Where(literal => code.IsMatch(literal))
                .Select(literal => $"{Path.GetRelativePath(SourceRoot(), file)}: {literal}"))
            .ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void The_scan_finds_a_code_in_a_literal_and_not_in_a_comment()
    {
        const string Sample = """"
            // PIPE-1204 in a comment
            /* VAL-1101 in a block */
            var a = "see REG-1002";
            var b = $"{x} (PIPE-1002)";
            var c = @"no code ""here""";
            var d = '"';
            var e = $"{string.Join(", ", y)} AUTH-1001";
            """";
        Assert.Equal(["see REG-1002", "{x} (PIPE-1002)", "no code \"\"here\"\"", ", ", "{string.Join(\", \", y)} AUTH-1001"],
            CSharpText.StringLiterals(Sample));
    }

    [Fact]
    public void The_catalog_has_distinct_codes()
    {
        Assert.NotEmpty(Codes);
        Assert.Equal(Codes.Length, Codes.Distinct(StringComparer.Ordinal).Count());
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return Path.Combine(dir.FullName, "src");
            }
        }
        throw new DirectoryNotFoundException("No SchemaRegistry.sln above " + AppContext.BaseDirectory);
    }
}
