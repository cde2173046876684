using System.Text.Json;
using System.Xml.Linq;
using SchemaRegistry.Client;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;
using SchemaRegistry.Wire;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>
/// What users install from a package feed: only the user-facing packages, each with its metadata, docs and symbols;
/// a fresh console app takes the resolver SDK from the feed alone and resolves a schema from a real server.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class PackageTests(PackageFeed feed) : IDisposable
{
    private const string Admin = "sr_distribution_admin_token_0123456789";
    private static readonly string[] Libraries = ["SchemaRegistry.Wire", "SchemaRegistry.Client", "SchemaRegistry.Client.Pipelines"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Only_the_packages_meant_for_users_are_packed_each_with_its_symbols()
    {
        var expected = Libraries.Append("schemareg")
            .SelectMany(id => new[] { $"{id}.{feed.Version}.nupkg", $"{id}.{feed.Version}.snupkg" })
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, feed.Files);
    }

    [Fact]
    public async Task Every_package_carries_the_product_version_a_licence_its_repository_and_commit_and_a_readme()
    {
        var version = await Schemareg.RunAsync(_dir.Path, null, "--version");
        Assert.Equal(feed.Version, version.Stdout.Trim());
        var commit = (await ChildProcess.RunAsync("git", ["rev-parse", "HEAD"], PackageFeed.RepositoryRoot)).Stdout.Trim();
        foreach (var id in Libraries.Append("schemareg"))
        {
            var metadata = PackageFeed.Nuspec(feed.PackagePath(id));
            string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
            Assert.Equal(feed.Version, Field("version"));
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.DoesNotContain("Package Description", Field("description"), StringComparison.Ordinal);
            Assert.True(Field("description").Length > 40, $"{id}: {Field("description")}");
            Assert.Contains("schema-registry", Field("tags"), StringComparison.Ordinal);
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
            Assert.Equal(commit, repository.Attribute("commit")?.Value);
            Assert.Contains("README.md", PackageFeed.Entries(feed.PackagePath(id)));
        }
    }

    [Fact]
    public void The_libraries_ship_xml_docs_and_their_symbols_carry_source_link()
    {
        foreach (var id in Libraries)
        {
            var entries = PackageFeed.Entries(feed.PackagePath(id));
            Assert.Contains($"lib/net10.0/{id}.dll", entries);
            Assert.Contains($"lib/net10.0/{id}.xml", entries);
            Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
            using var symbols = System.IO.Compression.ZipFile.OpenRead(feed.PackagePath(id, "snupkg"));
            var pdb = symbols.GetEntry($"lib/net10.0/{id}.pdb");
            Assert.NotNull(pdb);
            using var reader = new StreamReader(pdb.Open());
            Assert.Contains("\"documents\"", reader.ReadToEnd(), StringComparison.Ordinal); // the SourceLink JSON in the portable PDB
        }
    }

    [Fact]
    public void The_pipelines_package_carries_the_engine_inside_and_depends_on_the_client_and_parquet_only()
    {
        var package = feed.PackagePath("SchemaRegistry.Client.Pipelines");
        var entries = PackageFeed.Entries(package);
        foreach (var bundled in new[] { "SchemaRegistry.Core", "SchemaRegistry.Data", "SchemaRegistry.JsonSchema" })
        {
            Assert.Contains($"lib/net10.0/{bundled}.dll", entries);
            Assert.Contains($"lib/net10.0/{bundled}.pdb", PackageFeed.Entries(feed.PackagePath("SchemaRegistry.Client.Pipelines", "snupkg")));
        }
        Assert.Equal(["Parquet.Net", "SchemaRegistry.Client"], Dependencies(package));
        // Every assembly of ours that the package's assemblies reference is inside it or comes with a dependency.
        var inside = entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Select(e => Path.GetFileNameWithoutExtension(e)).ToHashSet();
        foreach (var referenced in ReferencedAssemblies(package).Where(name => name.StartsWith("SchemaRegistry.", StringComparison.Ordinal)))
        {
            Assert.True(inside.Contains(referenced) || referenced is "SchemaRegistry.Client" or "SchemaRegistry.Wire", $"{referenced} is referenced but neither in the package nor a dependency");
        }
        Assert.Equal(["SchemaRegistry.Wire"], Dependencies(feed.PackagePath("SchemaRegistry.Client")));
        Assert.Empty(Dependencies(feed.PackagePath("SchemaRegistry.Wire")));
    }

    [Fact]
    public async Task A_fresh_console_app_takes_the_resolver_SDK_from_the_feed_alone_and_resolves_a_schema_from_a_real_server()
    {
        await using var server = await ServerProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });
        using (var admin = new RegistryClient(server.Url, Admin))
        {
            await admin.RegisterAsync(new RegisterSchemaRequest("finance.gdp.invoice:v1.0", "finance-data",
                Payload: JsonDocument.Parse("""{"type":"object","title":"Invoice from the feed test","properties":{"id":{"type":"string"}}}""").RootElement.Clone()));
            await admin.PublishAsync("finance.gdp.invoice:v1.0", force: true, reason: "distribution test");
        }

        var app = Path.Combine(_dir.Path, "app");
        var environment = feed.DotnetEnvironment(ownPackages: true);
        var created = await ChildProcess.RunAsync(ChildProcess.Dotnet, ["new", "console", "-o", app, "-n", "ResolverApp", "--framework", "net10.0"], _dir.Path, environment);
        Assert.True(created.ExitCode == 0, created.ToString());
        // Our packages from the local feed only; third-party ones (none for the resolver SDK) from the registry configured here.
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="SchemaRegistry.*" /><package pattern="schemareg" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var project = XDocument.Load(Path.Combine(app, "ResolverApp.csproj"));
        project.Root!.Add(new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "SchemaRegistry.Client"), new XAttribute("Version", feed.Version))));
        project.Save(Path.Combine(app, "ResolverApp.csproj"));
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using SchemaRegistry.Client;

            using var resolver = new SchemaResolver(new Uri(args[0]), args[1]);
            var resolved = await resolver.ResolveAsync(args[2]);
            Console.WriteLine($"{resolved.Schema.Fqid} {resolved.Schema.Payload.GetProperty("title").GetString()}");
            """);

        var build = await ChildProcess.RunAsync(ChildProcess.Dotnet, ["build", "-c", "Release", "-nologo", "-v", "quiet", "-o", Path.Combine(app, "out")], app, environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await ChildProcess.RunAsync(ChildProcess.Dotnet, [Path.Combine(app, "out", "ResolverApp.dll"), server.Url.ToString(), Admin, "finance.gdp.invoice:v1.0"], app, environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("finance.gdp.invoice:v1.0 Invoice from the feed test", run.Stdout.Trim());

        // The dependency closure the app restored: the SDK and the wire records, nothing of the engine, readers or Parquet.
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["SchemaRegistry.Client", "SchemaRegistry.Wire"], libraries);
        Assert.True(File.Exists(Path.Combine(feed.PackagesFolder, "schemaregistry.client", feed.Version, $"schemaregistry.client.{feed.Version}.nupkg")),
            "the SDK was not restored from the feed into the test's own packages folder");
    }

    /// <summary>The names of the assemblies the package's own assemblies reference.</summary>
    private static HashSet<string> ReferencedAssemblies(string package)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }
            copy.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.AssemblyReferences)
            {
                names.Add(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
            }
        }
        return names;
    }

    private static List<string> Dependencies(string package) =>
        [.. PackageFeed.Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Order(StringComparer.Ordinal)];
}
