using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>
/// The product version comes from git tags (MinVer) and survives the clones CI makes; a release folder's SHA256SUMS
/// (scripts/lib/release.sh, used by scripts/release) lists every artefact and catches a changed one.
/// </summary>
public sealed partial class ReleaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_shallow_clone_without_tags_builds_as_0_0_0_alpha_and_a_tag_gives_its_version_and_the_next_commit_a_pre_release_of_the_next()
    {
        var clone = Path.Combine(_dir.Path, "clone");
        await Git(_dir.Path, "clone", "--quiet", "--depth", "1", "--no-tags", "file://" + ChildProcess.RepositoryRoot, clone);
        Assert.Matches(UntaggedVersion(), await VersionAsync(clone));

        await Git(clone, "tag", "v1.2.3");
        Assert.Equal("1.2.3", await VersionAsync(clone));

        await Git(clone, "-c", "user.name=release test", "-c", "user.email=release@test", "commit", "--quiet", "--allow-empty", "-m", "after the tag");
        Assert.Equal("1.2.4-alpha.0.1", await VersionAsync(clone));
    }

    [Fact]
    public async Task The_checksum_file_lists_every_artefact_with_its_SHA_256_and_sha256sum_catches_a_changed_one()
    {
        var release = Path.Combine(_dir.Path, "release");
        Directory.CreateDirectory(release);
        await File.WriteAllTextAsync(Path.Combine(release, "schemareg-1.2.3-linux-x64"), "binary");
        await File.WriteAllBytesAsync(Path.Combine(release, "SchemaRegistry.Client.1.2.3.nupkg"), RandomNumberGenerator.GetBytes(4096));
        await File.WriteAllTextAsync(Path.Combine(release, "schemareg-1.2.3 with space.tar.gz"), "sdist");

        var write = await ChildProcess.RunAsync("bash", ["-c", "source scripts/lib/release.sh && write_checksums \"$0\"", release], ChildProcess.RepositoryRoot);
        Assert.True(write.ExitCode == 0, write.ToString());
        var expected = Directory.GetFiles(release).Where(f => Path.GetFileName(f) != "SHA256SUMS").Order(StringComparer.Ordinal)
            .Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}  {Path.GetFileName(f)}");
        Assert.Equal(expected, await File.ReadAllLinesAsync(Path.Combine(release, "SHA256SUMS")));

        var check = await ChildProcess.RunAsync("sha256sum", ["-c", "SHA256SUMS"], release);
        Assert.True(check.ExitCode == 0, check.ToString());
        await File.AppendAllTextAsync(Path.Combine(release, "schemareg-1.2.3-linux-x64"), "tampered");
        var tampered = await ChildProcess.RunAsync("sha256sum", ["-c", "SHA256SUMS"], release);
        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("schemareg-1.2.3-linux-x64: FAILED", tampered.Stdout, StringComparison.Ordinal);
    }

    private static async Task<string> VersionAsync(string clone)
    {
        var result = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["msbuild", "-restore", "-t:MinVer", "-getProperty:PackageVersion", "-nologo", Path.Combine(clone, "src", "SchemaRegistry.Wire", "SchemaRegistry.Wire.csproj")],
            clone, ChildProcess.DotnetEnvironment());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim(); // one property asked for: its value alone
    }

    private static async Task Git(string directory, params string[] args)
    {
        var result = await ChildProcess.RunAsync("git", args, directory);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [GeneratedRegex(@"^0\.0\.0-alpha\.0(\.[0-9]+)?$")]
    private static partial Regex UntaggedVersion();
}
