using System.Net;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// The console over plain HTTP, as a script (or an attacker with a session) would use it: cookies kept, redirects
/// not followed, forms posted with the antiforgery token read from the page — or without it.
/// </summary>
public sealed partial class ConsoleHttp : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleHttp(ConsoleServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = server.BaseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Signs in through the form; the answer is the sign-in post's own (a redirect when it worked).</summary>
    public Task<HttpResponseMessage> SignInAsync(string secret, string returnUrl = "/ui/") =>
        PostFormAsync("/ui/signin", "signin", new Dictionary<string, string> { ["key"] = secret, ["returnUrl"] = returnUrl });

    /// <summary>Posts <paramref name="fields"/> to the form <paramref name="handler"/> of <paramref name="path"/>, with the page's antiforgery token unless told not to.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler };
        if (withToken)
        {
            using var page = await GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            if (!token.Success)
            {
                throw new InvalidOperationException($"GET {path} ({(int)page.StatusCode}) has no antiforgery token.");
            }
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }
        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public void Dispose() => _http.Dispose();
}
