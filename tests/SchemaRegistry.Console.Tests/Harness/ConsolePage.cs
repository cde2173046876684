using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// One browser context on the console (its own cookies): every page it visits is screenshotted into
/// <see cref="TestResults.Screenshots"/> and checked with axe (no serious or critical violation). The context
/// bypasses the console's CSP only so axe can be injected; <c>CspTests</c> checks the console under its CSP.
/// </summary>
public sealed partial class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _name;
    private int _shots;

    private ConsolePage(IBrowserContext context, IPage page, ConsoleServer server, string name)
    {
        _context = context;
        Page = page;
        Server = server;
        _name = name;
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => PageErrors.Add(error);
    }

    public IPage Page { get; }

    public ConsoleServer Server { get; }

    /// <summary>Every alert/confirm/prompt a page opened (a script that should never have run, for one).</summary>
    public List<string> Dialogs { get; } = [];

    public List<string> PageErrors { get; } = [];

    /// <param name="name">Names the screenshots' folder: one per test.</param>
    /// <param name="bypassCsp">False to load pages under the console's own Content-Security-Policy (no axe then).</param>
    public static async Task<ConsolePage> OpenAsync(Browsers browsers, ConsoleServer server, string name, bool bypassCsp = true)
    {
        ArgumentNullException.ThrowIfNull(browsers);
        ArgumentNullException.ThrowIfNull(server);
        var context = await browsers.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Origin,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page, server, name) { CheckAccessibility = bypassCsp };
    }

    public bool CheckAccessibility { get; init; }

    /// <summary>Opens <paramref name="path"/>, then screenshots and checks the page it ends on.</summary>
    public async Task<IResponse?> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await CheckAsync();
        return response;
    }

    /// <summary>Screenshots the page as it is and checks it with axe: call after every navigation a test causes.</summary>
    public async Task CheckAsync(string? label = null)
    {
        await ScreenshotAsync(label);
        if (CheckAccessibility)
        {
            var violations = await Axe.SeriousViolationsAsync(Page);
            Assert.True(violations.Count == 0, $"axe found serious or critical violations on {Page.Url}:\n" + string.Join("\n", violations));
        }
    }

    public async Task ScreenshotAsync(string? label = null)
    {
        _shots++;
        var folder = Directory.CreateDirectory(Path.Combine(TestResults.Screenshots, Slug(_name))).FullName;
        var what = label ?? new Uri(Page.Url).PathAndQuery;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{_shots:00}-{Slug(what)}.png"), FullPage = true });
    }

    /// <summary>Signs in through the form with <paramref name="secret"/> and waits for the page it leads to.</summary>
    public async Task SignInAsync(string secret, string? returnUrl = null)
    {
        await GotoAsync(returnUrl is null ? "/ui/signin" : "/ui/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GetByLabel("API key").FillAsync(secret);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync();
    }

    public Task<IReadOnlyList<BrowserContextCookiesResult>> CookiesAsync() => _context.CookiesAsync();

    public string PathAndQuery => new Uri(Page.Url).PathAndQuery;

    private static string Slug(string text)
    {
        var slug = NotSlug().Replace(text, "-").Trim('-');
        return slug.Length == 0 ? "root" : slug[..Math.Min(slug.Length, 80)];
    }

    [GeneratedRegex("[^A-Za-z0-9_.]+")]
    private static partial Regex NotSlug();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
