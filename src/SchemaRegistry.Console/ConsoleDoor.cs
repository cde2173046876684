using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Ui.Auth;
using SchemaRegistry.Ui.Components;
using SchemaRegistry.Ui.Http;

namespace SchemaRegistry.Ui;

/// <summary>
/// The governance console at <c>/ui</c>: Razor components rendered on the server (static SSR), over the registry's
/// own services in-process, behind a cookie session of its own (see <see cref="ConsoleAuthentication"/>).
/// </summary>
public sealed class ConsoleDoor : IRegistryDoor
{
    public const string Prefix = "/ui";

    public void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registry = builder.Configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        var options = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        options.Check();
        builder.Services.AddSingleton(options);
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "schemareg.antiforgery";
            antiforgery.Cookie.Path = Prefix;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        ConsoleAuthentication.Add(builder.Services, registry, options);
        builder.Services.AddSingleton<ConsoleAssets>();
    }

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only the console's requests pass these; the API's requests skip them (one predicate, not three middlewares).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), branch => branch
            .UseMiddleware<SecurityHeaders>()
            .UseAntiforgery()
            .UseMiddleware<FormGuard>());
        ConsoleAssets.Map(app);
        ConsoleOidc.Map(app, app.Services.GetRequiredService<ConsoleOptions>());
        app.MapRazorComponents<App>()
            .RequireAuthorization(ConsoleAuthentication.Policy)
            .ExcludeFromDescription();
    }
}
