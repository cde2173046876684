using Microsoft.Playwright;

namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>
/// Debian's chromium (installed by scripts/test when missing) driven by Playwright: no browser is downloaded.
/// <c>SCHEMAREG_CHROMIUM</c> names another executable. One browser is shared by a test class; each test opens its own
/// context (cookies, storage) through <see cref="ConsolePage"/>.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("SCHEMAREG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No chromium at {ExecutablePath}: scripts/test installs Debian's chromium package (apt-get install chromium).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
