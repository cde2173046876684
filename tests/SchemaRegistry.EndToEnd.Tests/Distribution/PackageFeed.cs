using System.IO.Compression;
using System.Xml.Linq;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>
/// A local folder feed with what <c>dotnet pack</c> of the solution makes from the build these tests run on, packed
/// once for the tests of the <see cref="DistributionCollection"/>; the packages it installs go to a packages folder of
/// its own, never the machine's NuGet cache (every untagged build of a commit has the same version).
/// </summary>
public sealed class PackageFeed : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Feed => Path.Combine(_dir.Path, "feed");

    public string PackagesFolder => Path.Combine(_dir.Path, "packages");

    /// <summary>The product version the packages carry (MinVer's, the same for all of them).</summary>
    public string Version { get; private set; } = "";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var pack = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["pack", Path.Combine(RepositoryRoot, "SchemaRegistry.sln"), "-c", configuration, "--no-build", "-o", Feed, "-nologo", "-v", "quiet"],
            RepositoryRoot, DotnetEnvironment(), TimeSpan.FromMinutes(8));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var tool = Directory.GetFiles(Feed, "schemareg.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(tool)["schemareg.".Length..];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();

    /// <summary>The package files in the feed, by name (id.version.nupkg / .snupkg).</summary>
    public IReadOnlyList<string> Files => [.. Directory.GetFiles(Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public static XElement Nuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static IReadOnlyList<string> Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>
    /// The environment of a nested <c>dotnet</c>: without the MSBuild variables <c>dotnet test</c> passes down (they
    /// would point the child at the outer build), with its own packages folder, no first-run banner.
    /// </summary>
    public Dictionary<string, string?> DotnetEnvironment(bool ownPackages = false)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_ROOT"] = ChildProcess.DotnetRoot,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name is "DOTNET_HOST_PATH" or "VSTEST_HOST_DEBUG")
            {
                environment[name] = null;
            }
        }
        if (ownPackages)
        {
            environment["NUGET_PACKAGES"] = PackagesFolder;
        }
        return environment;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SchemaRegistry.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class DistributionCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "distribution";
}
