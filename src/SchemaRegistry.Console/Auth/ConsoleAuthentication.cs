using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Ui.Auth;

/// <summary>
/// The console's session: an encrypted, HttpOnly, SameSite=Strict cookie (Secure under HTTPS) scoped to <c>/ui</c>
/// that ends <see cref="ConsoleOptions.SessionMinutes"/> after sign-in. A session started with an API key ends as
/// soon as that key is revoked or expires (checked on every request).
/// </summary>
internal static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string Policy = "console";
    public const string CookieName = "schemareg.session";

    /// <summary>Claim naming how the session began: <see cref="ViaApiKey"/> or <see cref="ViaOidc"/>.</summary>
    public const string ViaClaim = "schemareg.via";
    public const string ViaApiKey = "api-key";
    public const string ViaOidc = "oidc";

    public static void Add(IServiceCollection services, RegistryOptions registry, ConsoleOptions options)
    {
        // Session and antiforgery cookies are encrypted with keys kept beside the data, so a restart keeps sessions.
        services.AddDataProtection()
            .SetApplicationName("schemareg-console")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(registry.DataDir, "console-keys")));
        var authentication = services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = ConsoleDoor.Prefix;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
            cookie.SlidingExpiration = false;
            cookie.LoginPath = ConsoleDoor.Prefix + "/signin";
            cookie.LogoutPath = ConsoleDoor.Prefix + "/signout";
            cookie.AccessDeniedPath = ConsoleDoor.Prefix + "/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = ValidateAsync;
        });
        ConsoleOidc.Add(authentication, registry.Oidc, options);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimTypes.Role));
    }

    /// <summary>The properties every sign-in uses: a cookie that expires with the session.</summary>
    public static AuthenticationProperties Session(ConsoleOptions options, TimeProvider time) => new()
    {
        IsPersistent = true,
        IssuedUtc = time.GetUtcNow(),
        ExpiresUtc = time.GetUtcNow().AddMinutes(options.SessionMinutes),
        AllowRefresh = false,
    };

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(ViaClaim) != ViaApiKey)
        {
            return;
        }
        var id = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var storage = context.HttpContext.RequestServices.GetRequiredService<IRegistryStorage>();
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var key = await storage.Keys.GetAsync(id, context.HttpContext.RequestAborted);
        if (key is null || key.RevokedAt is not null || !key.IsActive(time.GetUtcNow()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
