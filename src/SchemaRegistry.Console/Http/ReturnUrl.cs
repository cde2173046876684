namespace SchemaRegistry.Ui.Http;

/// <summary>Where to go after signing in: only a path of the console itself, never another site (no open redirect).</summary>
public static class ReturnUrl
{
    public const string Home = ConsoleDoor.Prefix + "/";

    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048)
        {
            return Home;
        }
        // "/ui", "/ui/…", "/ui?…" only: "//host", "/\host", "/uix" and anything with a scheme or control character fall back.
        var rest = url.AsSpan(ConsoleDoor.Prefix.Length);
        var local = url.StartsWith(ConsoleDoor.Prefix, StringComparison.Ordinal)
            && (rest.IsEmpty || rest[0] is '/' or '?')
            && !rest.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal)
            && !url.Any(char.IsControl);
        return local ? url : Home;
    }
}
