namespace SchemaRegistry.JsonSchema.Tests.Suite;

/// <summary>The official suite for draft-07: every required test, and the optional format tests data contracts use.</summary>
public sealed class Draft7SuiteTests
{
    private const string Draft = "draft7";

    public static TheoryData<string, int, int, string> Required => SuiteCases.Cases(Draft, f => !f.StartsWith("optional/", StringComparison.Ordinal));

    public static TheoryData<string, int, int, string> Formats => SuiteCases.Cases(Draft, ContractFormats.Includes);

    [Theory]
    [MemberData(nameof(Required))]
    public void Required_suite_test_passes(string file, int testCase, int test, string description)
    {
        _ = description;
        SuiteCases.Check(Draft, Dialect.Draft7, file, testCase, test);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_suite_test_passes(string file, int testCase, int test, string description)
    {
        _ = description;
        SuiteCases.Check(Draft, Dialect.Draft7, file, testCase, test);
    }
}
