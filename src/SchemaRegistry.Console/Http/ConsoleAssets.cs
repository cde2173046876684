using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SchemaRegistry.Ui.Http;

/// <summary>
/// The console's stylesheet and scripts, embedded in the assembly (no CDN, nothing on disk) and served at
/// <c>/ui/assets/{name}</c>. <see cref="Url"/> adds the content's hash, so a cached copy is never stale.
/// </summary>
internal sealed class ConsoleAssets
{
    private readonly FrozenDictionary<string, Asset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource["assets/".Length..];
            assets[name] = new Asset(bytes, ContentType(name), Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
        }
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Url(string name) =>
        _assets.TryGetValue(name, out var asset) ? $"{ConsoleDoor.Prefix}/assets/{name}?v={asset.Hash}" : throw new ArgumentException($"No console asset '{name}'.", nameof(name));

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(ConsoleDoor.Prefix + "/assets/{name}", (string name, HttpContext context, ConsoleAssets assets) =>
        {
            if (!assets._assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = context.Request.Query["v"] == asset.Hash ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{asset.Hash}\""));
        }).AllowAnonymous().ExcludeFromDescription();

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string Hash);
}
