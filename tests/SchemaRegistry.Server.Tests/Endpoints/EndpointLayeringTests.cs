using System.Text.RegularExpressions;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>Endpoints bind a request and call a service: none reaches storage or makes an id itself.</summary>
public sealed class EndpointLayeringTests
{
    private static readonly Regex Forbidden = new(@"\bIRegistryStorage\b|\bGuid\.NewGuid\b|\bRandomNumberGenerator\b|\bstorage\.", RegexOptions.CultureInvariant);

    [Fact]
    public void No_endpoint_file_uses_storage_or_makes_ids()
    {
        var folder = Repository.PathOf(Path.Combine("src", "SchemaRegistry.Server", "Endpoints"));
        var files = Directory.GetFiles(folder, "*.cs");
        Assert.True(files.Length >= 10, $"only {files.Length} endpoint files found in {folder}");
        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: Path.GetFileName(file), Line: index + 1, Text: line.Trim())))
            .Where(line => Forbidden.IsMatch(line.Text))
            .Select(line => $"{line.File}:{line.Line}: {line.Text}")
            .ToList();
        Assert.True(offences.Count == 0, "move these into a service:\n" + string.Join('\n', offences));
    }
}
