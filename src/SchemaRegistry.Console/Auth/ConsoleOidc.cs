using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Ui.Http;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Auth;

/// <summary>
/// Single sign-on for the console: the OIDC authorization-code flow with PKCE (Microsoft's OpenIdConnect handler)
/// against <c>Registry:Oidc:Authority</c>, as client <c>Registry:Console:OidcClientId</c>. The handler checks state,
/// nonce, issuer, audience (the client id) and signature (the authority's JWKS); the claims then go through the
/// API's own <see cref="JwtRoleMapping"/>, and the console's cookie session is signed in like the API-key path's.
/// </summary>
/// <remarks>
/// The IdP's redirect to <see cref="CallbackPath"/> is a cross-site navigation: the SameSite=Strict session cookie
/// it sets is not sent on the redirect that follows, so the flow ends on <see cref="CompletePath"/>, a page that
/// moves on with a same-site navigation (meta refresh). The correlation and nonce cookies are SameSite=Lax, which
/// a top-level GET from the IdP carries (the response mode is <c>query</c>, not <c>form_post</c>).
/// </remarks>
internal static class ConsoleOidc
{
    public const string Scheme = "ConsoleOidc";
    public const string CallbackPath = ConsoleDoor.Prefix + "/signin-oidc";
    public const string StartPath = ConsoleDoor.Prefix + "/signin/sso";
    public const string CompletePath = ConsoleDoor.Prefix + "/signin/complete";

    /// <summary>Query parameter of the sign-in page carrying a protected <see cref="RegistryError"/>: why SSO was refused.</summary>
    public const string RefusedParameter = "refused";

    private const string IssuerItem = "schemareg.iss";
    private const string Purpose = "schemareg-console-sso-refusal";
    private static readonly TimeSpan RefusalLifetime = TimeSpan.FromMinutes(5);

    public static void Add(AuthenticationBuilder authentication, OidcOptions oidc, ConsoleOptions console)
    {
        if (!console.OidcEnabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(oidc.Authority) || !Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority))
        {
            throw new InvalidOperationException(
                $"{ConsoleOptions.Section}:OidcClientId needs Registry:Oidc:Authority (an absolute URL): the sign-in flow discovers the provider from it.");
        }
        if (!oidc.RequireHttpsMetadata && !authority.IsLoopback)
        {
            throw new InvalidOperationException(
                "Registry:Oidc:RequireHttpsMetadata may be false only for a loopback authority when the console signs people in with OIDC.");
        }
        var mapping = new JwtRoleMapping(oidc);
        authentication.AddOpenIdConnect(Scheme, options =>
        {
            options.Authority = oidc.Authority;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.ClientId = console.OidcClientId;
            options.ClientSecret = string.IsNullOrEmpty(console.OidcClientSecret) ? null : console.OidcClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = CallbackPath;
            options.SignInScheme = ConsoleAuthentication.Scheme;
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" }.Concat(console.OidcScopes).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal))
            {
                options.Scope.Add(scope);
            }
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
            options.ClaimActions.MapUniqueJsonKey(oidc.NameClaim, oidc.NameClaim);
            options.SaveTokens = false;
            options.DisableTelemetry = true;
            options.UseTokenLifetime = false;
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.Path = ConsoleDoor.Prefix;
                cookie.HttpOnly = true;
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            options.TokenValidationParameters.ValidIssuer = string.IsNullOrWhiteSpace(oidc.Issuer) ? null : oidc.Issuer;
            options.TokenValidationParameters.ValidAlgorithms = OidcAuthentication.Algorithms;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(oidc.ClockSkewSeconds);
            options.TokenValidationParameters.NameClaimType = oidc.NameClaim;
            options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            options.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context =>
                {
                    context.Properties!.Items[IssuerItem] = context.SecurityToken.Issuer;
                    return Task.CompletedTask;
                },
                OnTicketReceived = context => TicketReceivedAsync(context, mapping, console),
                OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    var detail = context.Failure?.Message is { Length: > 0 } message ? message[..Math.Min(message.Length, 300)] : "The provider's answer was not valid.";
                    Refuse(context.HttpContext, new RegistryError(ErrorCode.Unauthenticated, ErrorKind.Unauthenticated, "Single sign-on refused", detail));
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>Maps GET <see cref="StartPath"/>: starts the flow, coming back to <c>returnUrl</c> (console paths only).</summary>
    public static void Map(WebApplication app, ConsoleOptions console)
    {
        if (!console.OidcEnabled)
        {
            return;
        }
        app.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = CompletePath + "?returnUrl=" + Uri.EscapeDataString(ReturnUrl.Safe(returnUrl)) }, [Scheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>The refusal carried by the sign-in page's <see cref="RefusedParameter"/>, if it is genuine and recent.</summary>
    public static RegistryError? Refusal(HttpContext context, string? refused)
    {
        if (string.IsNullOrEmpty(refused) || refused.Length > 8192)
        {
            return null;
        }
        try
        {
            var json = Protector(context).Unprotect(refused);
            var refusal = JsonSerializer.Deserialize<RefusalRecord>(json);
            return refusal is null ? null : new RegistryError(refusal.Code, refusal.Kind, refusal.Title, refusal.Detail);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static Task TicketReceivedAsync(TicketReceivedContext context, JwtRoleMapping mapping, ConsoleOptions console)
    {
        var properties = context.Properties!;
        properties.Items.Remove(IssuerItem, out var issuer);
        var principal = mapping.ToPrincipal(context.Principal!, issuer, ConsoleAuthentication.Scheme, out var failure, out var noRole);
        if (principal is null || noRole is not null)
        {
            context.HandleResponse();
            Refuse(context.HttpContext, principal is null
                ? new RegistryError(ErrorCode.Unauthenticated, ErrorKind.Unauthenticated, "Single sign-on refused", failure!)
                : new RegistryError(ErrorCode.Forbidden, ErrorKind.Forbidden, "No registry role", noRole!));
            return Task.CompletedTask;
        }
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ConsoleAuthentication.ViaClaim, ConsoleAuthentication.ViaOidc));
        context.Principal = principal;
        var session = ConsoleAuthentication.Session(console, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        properties.IsPersistent = session.IsPersistent;
        properties.IssuedUtc = session.IssuedUtc;
        properties.ExpiresUtc = session.ExpiresUtc;
        properties.AllowRefresh = session.AllowRefresh;
        return Task.CompletedTask;
    }

    /// <summary>Sends the browser to the sign-in page, which shows <paramref name="error"/> (protected, so no one else can make it say anything).</summary>
    private static void Refuse(HttpContext context, RegistryError error)
    {
        var json = JsonSerializer.Serialize(new RefusalRecord(error.Code, error.Kind, error.Title, error.Detail));
        var token = Protector(context).Protect(json, RefusalLifetime);
        context.Response.Redirect($"{ConsoleDoor.Prefix}/signin?{RefusedParameter}={WebUtility.UrlEncode(token)}");
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private sealed record RefusalRecord(string Code, ErrorKind Kind, string Title, string Detail);
}
