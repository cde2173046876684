using System.CommandLine;
using SchemaRegistry.Client;

namespace SchemaRegistry.Cli.Commands;

/// <summary>Options every client command shares, and the client they configure.</summary>
internal static class ClientOptions
{
    public const string DefaultServer = "http://127.0.0.1:8081";

    public static readonly Option<string?> Server = new("--server")
    {
        Description = $"Registry URL (env SCHEMAREG_URL; default {DefaultServer}).",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API key (env SCHEMAREG_TOKEN; default: ./data/admin.token when present).",
        Recursive = true,
    };

    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "table (default) or json; schema diff also takes text and junit.",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    public static string ServerUrl(ParseResult parse) => parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("SCHEMAREG_URL") ?? DefaultServer;

    public static RegistryClient CreateClient(ParseResult parse)
    {
        var server = ServerUrl(parse);
        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("SCHEMAREG_TOKEN") ?? LocalAdminToken();
        return new RegistryClient(new Uri(server.EndsWith('/') ? server : server + "/"), token);
    }

    public static bool Json(ParseResult parse) => string.Equals(parse.GetValue(Output), "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The embedded default's bootstrap key, so a local walk-through needs no setup.</summary>
    private static string? LocalAdminToken()
    {
        var dataDir = Environment.GetEnvironmentVariable("SCHEMAREG_DATA_DIR") ?? "data";
        var path = Path.Combine(dataDir, "admin.token");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
