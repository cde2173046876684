namespace SchemaRegistry.JsonSchema.Tests.Suite;

/// <summary>
/// The official suite for 2020-12 and draft-07: every required test, and the optional format tests of the formats
/// data contracts use. One xUnit case per suite test, so the counts show in the output.
/// </summary>
public sealed class OfficialSuiteTests
{
    private static readonly (string Folder, Dialect Dialect)[] Drafts = [("draft2020-12", Dialect.Draft202012), ("draft7", Dialect.Draft7)];

    public static TheoryData<string, string, int, int, string> Required => Cases(f => !f.StartsWith("optional/", StringComparison.Ordinal));

    public static TheoryData<string, string, int, int, string> Formats => Cases(DataContractFormats.Includes);

    [Theory]
    [MemberData(nameof(Required))]
    public void Required_suite_test_passes(string draft, string file, int testCase, int test, string description) =>
        Check(draft, file, testCase, test, description);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_suite_test_passes(string draft, string file, int testCase, int test, string description) =>
        Check(draft, file, testCase, test, description);

    private static void Check(string draft, string file, int testCase, int test, string description)
    {
        _ = description;
        SuiteCases.Check(draft, Drafts.Single(d => d.Folder == draft).Dialect, file, testCase, test);
    }

    private static TheoryData<string, string, int, int, string> Cases(Func<string, bool> include)
    {
        var data = new TheoryData<string, string, int, int, string>();
        foreach (var (folder, _) in Drafts)
        {
            foreach (var (file, testCase, test, description) in SuiteCases.Cases(folder, include))
            {
                data.Add(folder, file, testCase, test, description);
            }
        }
        return data;
    }
}
