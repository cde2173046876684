using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// The registry's authentication: API keys always; with <c>Registry:Oidc</c> configured, also JWT bearer tokens
/// (Microsoft's JwtBearer handler). A policy scheme looks at <c>Authorization: Bearer X</c>: X with exactly two
/// dots is a JWT (API key secrets have none), anything else goes to the API-key handler.
/// </summary>
internal static class OidcAuthentication
{
    public const string SchemeName = "Oidc";
    public const string SelectorSchemeName = "ApiKeyOrOidc";

    /// <summary>The signature algorithms accepted on tokens (the console's sign-in checks id tokens with the same list).</summary>
    internal static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static AuthenticationBuilder AddRegistryAuthentication(this IServiceCollection services, OidcOptions oidc)
    {
        if (!oidc.Enabled)
        {
            return services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        }
        var validation = Validation(oidc);
        var mapping = new JwtRoleMapping(oidc);
        return services.AddAuthentication(SelectorSchemeName)
            .AddPolicyScheme(SelectorSchemeName, null, policy => policy.ForwardDefaultSelector = context =>
                IsJwt(context.Request.Headers.Authorization) ? SchemeName : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(SchemeName, jwt =>
            {
                if (!string.IsNullOrWhiteSpace(oidc.Authority))
                {
                    jwt.Authority = oidc.Authority;
                    jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                }
                jwt.Audience = oidc.Audience;
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false;
                jwt.TokenValidationParameters = validation;
                jwt.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[ApiKeyAuthenticationHandler.FailureItem] =
                            Describe(context.Exception, oidc, context.Request.Headers.Authorization);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        var principal = mapping.ToPrincipal(context.Principal!, context.SecurityToken?.Issuer, SchemeName, out var failure, out var noRole);
                        if (principal is null)
                        {
                            context.HttpContext.Items[ApiKeyAuthenticationHandler.FailureItem] = failure;
                            context.Fail(failure!);
                            return Task.CompletedTask;
                        }
                        if (noRole is not null)
                        {
                            context.HttpContext.Items[JwtRoleMapping.NoRoleItem] = noRole;
                        }
                        context.Principal = principal;
                        return Task.CompletedTask;
                    },
                };
            });
    }

    /// <summary>True for <c>Bearer X</c> where X has exactly two dots (header.payload.signature).</summary>
    public static bool IsJwt(string? header) =>
        header is not null
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && header.AsSpan("Bearer ".Length).Trim().Count('.') == 2;

    private static TokenValidationParameters Validation(OidcOptions oidc)
    {
        if (string.IsNullOrWhiteSpace(oidc.Audience))
        {
            throw new InvalidOperationException("Registry:Oidc:Audience is required when OIDC is configured (tokens for other audiences must not work here).");
        }
        if (oidc.ClockSkewSeconds is < 0 or > 600)
        {
            throw new InvalidOperationException("Registry:Oidc:ClockSkewSeconds must be between 0 and 600.");
        }
        if (string.IsNullOrWhiteSpace(oidc.RoleClaim) || string.IsNullOrWhiteSpace(oidc.NameClaim))
        {
            throw new InvalidOperationException("Registry:Oidc:RoleClaim and Registry:Oidc:NameClaim must name claims.");
        }
        var keys = OidcSigningKeys.Load(oidc.SigningKeys);
        if (string.IsNullOrWhiteSpace(oidc.Authority) && keys.Count == 0)
        {
            throw new InvalidOperationException("Registry:Oidc:Issuer needs Registry:Oidc:SigningKeys (or set Registry:Oidc:Authority to discover them).");
        }
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(oidc.Issuer) ? null : oidc.Issuer,
            ValidateAudience = true,
            ValidAudience = oidc.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys.Count == 0 ? null : keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromSeconds(oidc.ClockSkewSeconds),
        };
    }

    /// <summary>Why a token was refused, in words (IdentityModel's own messages hide the values).</summary>
    public static string Describe(Exception exception, OidcOptions oidc, string? header = null) => exception switch
    {
        SecurityTokenExpiredException e => $"The token expired at {Time(e.Expires)}.",
        SecurityTokenNotYetValidException e => $"The token is not valid before {Time(e.NotBefore)}.",
        SecurityTokenNoExpirationException => "The token has no expiry ('exp').",
        SecurityTokenInvalidLifetimeException => "The token's lifetime ('nbf', 'exp') is not valid.",
        SecurityTokenInvalidAudienceException e =>
            $"The token's audience '{(string.IsNullOrEmpty(e.InvalidAudience) ? Unverified(header, t => string.Join(", ", t.Audiences)) : e.InvalidAudience)}' is not '{oidc.Audience}'.",
        SecurityTokenInvalidIssuerException e =>
            $"The token's issuer '{(string.IsNullOrEmpty(e.InvalidIssuer) ? Unverified(header, t => t.Issuer) : e.InvalidIssuer)}' is not the configured issuer.",
        SecurityTokenInvalidAlgorithmException e => $"The token's algorithm '{e.InvalidAlgorithm}' is not accepted (RS*, PS* or ES* only).",
        SecurityTokenSignatureKeyNotFoundException => "No configured signing key verifies the token's signature.",
        SecurityTokenInvalidSignatureException => "The token's signature is not valid, or the token is unsigned.",
        SecurityTokenMalformedException => "The bearer token is not a well-formed JWT.",
        ArgumentException => "The bearer token is not a well-formed JWT.",
        InvalidOperationException e when e.Message.Contains("IDX20803", StringComparison.Ordinal) =>
            "The registry could not fetch the issuer's metadata and keys; try again later.",
        _ => $"The token was refused ({exception.GetType().Name}).",
    };

    /// <summary>A field of the refused token, read without trusting it, for the message only.</summary>
    private static string Unverified(string? header, Func<JsonWebToken, string> read)
    {
        try
        {
            return header is null ? "" : read(new JsonWebToken(header.AsSpan("Bearer ".Length).Trim().ToString()));
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
