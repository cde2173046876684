using SchemaRegistry.Testing;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// Where the console tests keep what a person should look at: <c>$SCHEMAREG_TEST_RESULTS</c> (scripts/test sets it),
/// else the repository's TestResults folder (git ignores it).
/// </summary>
public static class TestResults
{
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("SCHEMAREG_TEST_RESULTS") is { Length: > 0 } results ? results : Path.Combine(Repository.Root, "TestResults"),
        "console-screenshots")).FullName;
}
