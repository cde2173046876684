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

    public static string RepositoryRoot => ChildProcess.RepositoryRoot;

    public async Task InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        // The packages hold the assemblies built before these tests ran: they get the version those were built with,
        // even when a commit came in between (MinVer would otherwise recompute it for the new commit at pack time).
        using var here = new TempDirectory();
        var built = (await Schemareg.RunAsync(here.Path, null, "--version")).Stdout.Trim();
        var pack = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["pack", Path.Combine(RepositoryRoot, "SchemaRegistry.sln"), "-c", configuration, "--no-build", "-o", Feed, "-nologo", "-v", "quiet",
                $"-p:MinVerVersionOverride={built}"],
            RepositoryRoot, ChildProcess.DotnetEnvironment(), TimeSpan.FromMinutes(8));
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

    /// <summary>The environment of a nested <c>dotnet</c>; with <paramref name="ownPackages"/>, packages go to this feed's own folder.</summary>
    public Dictionary<string, string?> DotnetEnvironment(bool ownPackages = false) => ChildProcess.DotnetEnvironment(ownPackages ? PackagesFolder : null);
}

[CollectionDefinition(Name)]
public sealed class DistributionCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "distribution";
}
