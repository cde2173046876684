using Microsoft.Playwright;
using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests.Oidc;

/// <summary>Single sign-on through <see cref="OidcProvider"/>'s development login and consent pages, as a person would.</summary>
public static class SingleSignOn
{
    /// <summary>From the console's sign-in page to the provider and back; waits for the console page it ends on and checks it.</summary>
    public static async Task SsoSignInAsync(this ConsolePage console, string login, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        await StartAsync(console, login, returnUrl);
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();
        await console.Page.WaitForURLAsync(url => url.StartsWith(console.Server.Origin + "/ui", StringComparison.Ordinal)
            && !url.Contains("/ui/signin/complete", StringComparison.Ordinal) && !url.Contains("/ui/signin-oidc", StringComparison.Ordinal));
        await console.Page.WaitForLoadStateAsync(LoadState.Load);
        await console.CheckAsync();
    }

    /// <summary>
    /// Runs the flow up to the provider's answer and returns the callback URL it would send the browser to (code,
    /// state), without following it: the consent post is fetched instead of navigated, so a test can alter the answer.
    /// </summary>
    public static async Task<string> CallbackUrlAsync(this ConsolePage console, string login)
    {
        ArgumentNullException.ThrowIfNull(console);
        await StartAsync(console, login, null);
        var consent = new TaskCompletionSource<string>();
        await console.Page.RouteAsync("**/interaction/**", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            consent.TrySetResult(answer.Headers["location"]);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/plain", Body = "held by the test" });
        });
        await console.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();
        var resume = new Uri(new Uri(console.Page.Url), await consent.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var resumed = await console.Page.Context.APIRequest.GetAsync(resume.ToString(), new APIRequestContextOptions { MaxRedirects = 0 });
        return resumed.Headers["location"];
    }

    private static async Task StartAsync(ConsolePage console, string login, string? returnUrl)
    {
        await console.GotoAsync(returnUrl is null ? "/ui/signin" : "/ui/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await console.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Sign in with single sign-on" }).ClickAsync();
        await console.Page.Locator("input[name=login]").FillAsync(login);
        await console.Page.Locator("input[name=password]").FillAsync("any password");
        await console.Page.Locator("button[type=submit]").ClickAsync();
    }
}
