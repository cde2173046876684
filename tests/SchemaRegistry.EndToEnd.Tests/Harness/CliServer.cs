using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>One <c>schemareg serve</c> on loopback shared by a test class, and the built CLI pointed at it with an admin key.</summary>
public sealed class CliServer : IAsyncLifetime
{
    public const string Admin = "sr_cli_conventions_admin_0123456789abcdef";

    public TempDirectory Dir { get; } = new();

    public ServerProcess Server { get; private set; } = null!;

    public string Path => Dir.Path;

    public Dictionary<string, string> Env => new() { ["SCHEMAREG_URL"] = Server.Url.ToString(), ["SCHEMAREG_TOKEN"] = Admin };

    public async Task InitializeAsync() =>
        Server = await ServerProcess.StartAsync(Dir.Path, new Dictionary<string, string> { ["SCHEMAREG_ADMIN_TOKEN"] = Admin });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }

    /// <summary>The CLI against this server; the exit code is the caller's to check.</summary>
    public Task<Schemareg.Result> RunAsync(params string[] args) => Schemareg.RunAsync(Dir.Path, Env, args);

    /// <summary>The CLI against this server, which must succeed.</summary>
    public async Task<Schemareg.Result> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"schemareg {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result;
    }

    public async Task<string> WriteAsync(string name, string content)
    {
        var file = System.IO.Path.Combine(Dir.Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        return name;
    }

    /// <summary>Registers and force-publishes a version with this payload.</summary>
    public async Task PublishAsync(string fqid, string payload)
    {
        var file = await WriteAsync(fqid.Replace(':', '_') + ".json", $$"""{"fqid":"{{fqid}}","owner":"data","payload":{{payload}}}""");
        await OkAsync("schema", "register", file);
        await OkAsync("schema", "publish", fqid, "--force", "--reason", "test setup");
    }
}
